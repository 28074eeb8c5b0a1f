result = None
print("result:", result)
result.get("x")
