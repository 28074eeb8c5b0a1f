# Found by _difftest (mutation): a method's attribute is looked up before its arguments run.
def noisy():
    print("argument evaluated")
    return []
try:
    print(False.join(noisy()))
except AttributeError as e:
    print(type(e), e)
