s = "Hello World 123!"
print(sum(1 for c in s if c.isupper()))
print(sum(1 for c in s if c.islower()))
print(sum(1 for c in s if c.isdigit()))
print("".join(c for c in s if c.isalnum()))
print(s.isupper(), s.lower().islower(), "123".isupper())
