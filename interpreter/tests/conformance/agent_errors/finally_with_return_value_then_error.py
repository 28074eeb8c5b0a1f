log = []
def attempt(n):
    try:
        if n % 2:
            raise ValueError(n)
        return n
    finally:
        log.append(n)
print(attempt(2), log)
print(attempt(3), log)
