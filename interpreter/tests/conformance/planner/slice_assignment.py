rows = ["header", "a", "b", "c", "footer"]
rows[1:4] = [r.upper() for r in rows[1:4]]
print(rows)
rows[1:1] = ["inserted"]
rows[-1:] = []
print(rows, len(rows))
rows[::2] = ["x", "y", "z"]
print(rows)
try:
    rows[::2] = ["only one"]
except ValueError as e:
    print("ValueError:", e)
del rows[1:3]
print(rows)
nums = list(range(10))
del nums[::3]
nums[:2] = (100, 200, 300)
print(nums)
nums[5:2] = ["between"]
print(nums)
try:
    nums[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
