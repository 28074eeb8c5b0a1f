values = ["Abc Def", "Abc def", "ABC", "abc", "ǅungla", "1A", "", "A", "A1 B2", "Ǉ", "ǈ", "ǉ", "123", "Hello World!", "hELLO"]
for s in values:
    print(repr(s), s.istitle(), s.isupper(), s.islower())
