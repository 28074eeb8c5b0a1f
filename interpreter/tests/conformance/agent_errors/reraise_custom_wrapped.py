class PlanError(Exception):
    pass
def step(n):
    if n == 3:
        raise ZeroDivisionError("division by zero in step")
    return 10 / (3 - n)
try:
    for n in range(5):
        print("step", n, "->", round(step(n), 3))
except ZeroDivisionError as e:
    raise PlanError("plan failed at step 3") from e
