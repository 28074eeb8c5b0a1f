samples = ["123", "12.5", "abc", "abc123", "  ", "", "ABC", "aBc", "Hello World", "\t\n", "A1", "éß"]
for s in samples:
    flags = [s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower()]
    print(repr(s), flags)
