total = 1234.5
count = 3
name = "report"
print(f"{total=}")
print(f"{count = }")
print(f"{total=:,.2f}")
print(f"{name!r:>10}|{name=!s}")
print(f"{count * 2 + 1=}")
