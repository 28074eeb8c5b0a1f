# Found by _difftest (mutation): a maxsplit that does not fit an index-sized integer.
for maxsplit in [2**63, -(2**63) - 1]:
    try:
        print("a,b".split(",", maxsplit))
    except OverflowError as e:
        print(type(e), e)
