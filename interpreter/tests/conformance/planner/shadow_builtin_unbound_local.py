def f():
    try:
        return len([1, 2])
    finally:
        pass

def g():
    try:
        total = sum([1, 2])
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
        total = 0
    sum = 5
    return total + sum

print(f(), g())
