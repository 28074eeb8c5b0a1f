# Found by _difftest: str.isascii.
for s in ["", "abc", "日本語", "--", "é", "\x7f"]:
    print(repr(s), s.isascii())
