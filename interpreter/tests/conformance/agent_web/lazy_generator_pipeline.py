def log_step(tag, x):
    print(tag, x)
    return x
raw = ["10", "20", "x", "40"]
numbers = (log_step("parse", int(r)) for r in raw[:2])
doubled = (log_step("double", n * 2) for n in numbers)
print("pipeline built")
print(sum(doubled))
