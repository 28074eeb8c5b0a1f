for i in range(3):
    pass
print("after loop", i)
def nothing():
    pass
print(nothing())
if True:
    pass
else:
    print("no")
print("done")
