# Found by _difftest: expandtabs with a tab size of 0, 1, negative, and columns.
for size in [0, 1, 4, -1]:
    print(repr("x\ty".expandtabs(size)), repr("ab\tc\nd\te".expandtabs(size)))
print(repr("x\ty".expandtabs()), repr("\t".expandtabs(3)))
