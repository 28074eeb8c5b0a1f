raw_ids = ["101", "102", "oops", "104"]
ids = (int(x) for x in raw_ids)
print(next(ids), next(ids))
first_big = next((int(x) for x in raw_ids if x.isdigit() and int(x) > 101), None)
print(first_big)
