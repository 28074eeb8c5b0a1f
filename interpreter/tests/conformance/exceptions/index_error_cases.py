for seq in [[1, 2], (1,), "ab"]:
    try:
        seq[5]
    except IndexError as e:
        print(type(e), e)
try:
    [].pop()
except IndexError as e:
    print(e)
