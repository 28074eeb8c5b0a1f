# A return's value waits through nested finally blocks that call functions (a sort key, a
# handler); a break or an exception in the finally block replaces it.
def tag(x):
    return f"<{x}>"

def inner(n):
    try:
        try:
            return tag(n)
        finally:
            sorted([3, 1, 2], key=lambda v: -v)
    finally:
        try:
            raise ValueError(tag(n + 1))
        except ValueError as e:
            tag(str(e))
def replaced_by_break(items):
    out = []
    for x in items:
        try:
            return tag(x)
        finally:
            out.append(tag(x))
            if x < 2:
                continue
            break
    return out
def replaced_by_error(n):
    try:
        return tag(n)
    finally:
        if n:
            int("x" + tag(n))

print(inner(1), replaced_by_break([0, 1, 2, 3]))
try:
    replaced_by_error(5)
except ValueError as e:
    print("error:", e)
print(replaced_by_error(0), [inner(k) for k in range(2)])
