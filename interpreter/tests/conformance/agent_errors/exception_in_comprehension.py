raw = ["10", "20", "", "40"]
print("parsing", len(raw), "values")
nums = [int(v) for v in raw]
print(nums)
