def inner(a, b=0, **rest):
    return f"a={a} b={b} rest={rest}"
def wrapper(*args, **kwargs):
    print("args", args, "kwargs", kwargs)
    return inner(*args, **kwargs)
print(wrapper(1))
print(wrapper(1, b=2, c=3))
print(wrapper(a=5, z=[1]))
