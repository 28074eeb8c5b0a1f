inbox = ["spam", "promo", "invoice-77", "newsletter"]
i = 0
while i < len(inbox):
    if inbox[i].startswith("invoice"):
        print("found at", i, inbox[i])
        break
    i += 1
else:
    print("no invoice")
n = 0
while n < 3:
    n += 1
else:
    print("loop finished normally at", n)
