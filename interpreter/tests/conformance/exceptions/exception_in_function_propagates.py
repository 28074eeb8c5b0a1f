def level3():
    raise RuntimeError("deep problem")
def level2():
    level3()
    print("not reached")
def level1():
    try:
        level2()
    except RuntimeError as e:
        return "handled: " + str(e)
print(level1())
