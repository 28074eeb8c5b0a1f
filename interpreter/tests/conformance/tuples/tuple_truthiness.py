print(bool(()), bool((0,)), bool((None,)), bool(((),)))
t = ()
if not t:
    print("empty tuple is falsy")
print(len(((),)), ((),))
