queue = ["a", "b", "c"]
seen = []
while (item := queue.pop() if queue else None) is not None:
    seen.append(item)
print(seen, item)
data = {"user": {"name": "Ada", "tags": ["x", "y"]}}
if (user := data.get("user")) and (tags := user.get("tags")):
    print(user["name"], len(tags))
totals = [total := 0] + [total := total + v for v in [5, 10, 20]]
print(totals, total)
print([(y := x * 2, y + 1) for x in range(3)], y)
