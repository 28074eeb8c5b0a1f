class QuotaExceeded(Exception):
    pass
usage = {"ana": 8, "ben": 12}
limit = 10
for user, n in usage.items():
    print(f"{user}: {n}/{limit}")
    if n > limit:
        raise QuotaExceeded(f"{user} used {n} of {limit}")
