print("%d" % 1e300)
for v in [float("nan"), float("inf"), -float("inf")]:
    try:
        print("%d" % v)
    except (ValueError, OverflowError) as e:
        print(type(e), e)
print("%d|%d" % (-0.5, 0.99))
