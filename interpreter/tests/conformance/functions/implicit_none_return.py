def log(msg):
    print("LOG:", msg)
result = log("started")
print(result)
def maybe_value(flag):
    if flag:
        return "value"
print(maybe_value(True), maybe_value(False))
