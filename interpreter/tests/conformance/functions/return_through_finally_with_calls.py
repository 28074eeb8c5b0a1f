# A return waits while its finally block runs, even when that block calls functions that
# return values of their own; a return in the finally block replaces it.
log = []


def note(x):
    log.append(x)
    return x * 10


def fetch(n):
    try:
        return note(n)
    finally:
        note(n + 1)
        [note(k) for k in range(2)]


def override(n):
    try:
        return n
    finally:
        if n > 1:
            return note(-n)


def nested(n):
    try:
        return fetch(n)
    finally:
        note(100)


print(fetch(1), override(1), override(2), log)
print(nested(3), log)
