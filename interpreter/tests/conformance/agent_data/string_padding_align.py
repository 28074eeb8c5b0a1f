items = [("Coffee", 3.5), ("Bagel with cream cheese", 4.25), ("Tea", 2)]
for name, price in items:
    short = name if len(name) <= 12 else name[:11] + "~"
    print(short.ljust(12, ".") + str(price).rjust(6), "|", name.center(26, "*"), "|")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
