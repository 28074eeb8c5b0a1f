attempts = 0
while True:
    attempts += 1
    print("attempt", attempts)
    if attempts >= 3:
        raise RuntimeError("gave up after %d attempts" % attempts)
