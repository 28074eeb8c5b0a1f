try:
    print(undefined_variable)
except NameError as e:
    print("NameError:", e)
def f():
    return also_missing + 1
try:
    f()
except NameError as e:
    print(e)
