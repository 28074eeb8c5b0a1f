def modify(lst, d, n, s):
    lst.append(4)
    d["new"] = 1
    n += 1
    s += "!"
    return n, s
nums = [1, 2, 3]
data = {}
count = 10
text = "hi"
print(modify(nums, data, count, text))
print(nums, data, count, text)
