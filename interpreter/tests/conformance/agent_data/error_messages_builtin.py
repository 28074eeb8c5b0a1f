records = ["42", "x7", "", "3.5"]
for r in records:
    try:
        print(int(r))
    except ValueError as e:
        print("ValueError:", e)
data = {"a": 1}
try:
    data["b"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
