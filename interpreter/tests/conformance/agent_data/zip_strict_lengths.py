names = ["ana", "ben", "cy"]
emails = ["ana@x.com", "ben@x.com"]
print(list(zip(names, emails)))
try:
    pairs = list(zip(names, emails, strict=True))
except ValueError as e:
    print("mismatch:", e)
try:
    print(list(zip(names[:2], emails, strict=True)))
    print(list(zip(emails, names, strict=True)))
except ValueError as e:
    print("mismatch:", e)
