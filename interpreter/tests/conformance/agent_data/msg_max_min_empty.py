data = {"prices": [], "names": []}
for fn in (max, min):
    try:
        print(fn(data["prices"]))
    except ValueError as e:
        print(e)
print(max(data["prices"], default=0), min(data["names"], default="n/a"))
try:
    sum(["a", "b"])
except TypeError as e:
    print(e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
