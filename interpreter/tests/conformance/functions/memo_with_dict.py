memo = {}
def ways(n):
    if n in memo:
        return memo[n]
    if n <= 1:
        result = 1
    else:
        result = ways(n - 1) + ways(n - 2)
    memo[n] = result
    return result
print(ways(90))
print(len(memo))
