results = [3 > 2, 2 > 3, 1 == 1]
print(results)
print(sum(results), any(results), all(results))
flag = 10 > 5
print(flag, type(flag))
print(str(1 < 2) + "!")
