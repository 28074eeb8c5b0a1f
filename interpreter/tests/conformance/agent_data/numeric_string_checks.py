samples = ["123", "12.5", "-4", "½", "٣", "1e3", " 7 ", "0x1f"]
for s in samples:
    print(f"{s!r:8} digit={s.isdigit()!s:5} numeric={s.isnumeric()!s:5} decimal={s.isdecimal()!s:5} alnum={s.isalnum()}")
