nums = [3, 8, -2, 7, 0]
print(sum(n for n in nums if n > 0))
print(sum(x * x for x in range(10)))
print(any(n < 0 for n in nums), any(n > 100 for n in nums))
print(all(n < 10 for n in nums), all(n > 0 for n in nums))
print(any(x for x in []), all(x for x in []))
