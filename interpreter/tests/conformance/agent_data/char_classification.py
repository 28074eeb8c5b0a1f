text = "Hello, World! 123 _tab\there"
stats = {"alpha": 0, "digit": 0, "space": 0, "punct": 0, "upper": 0}
for ch in text:
    if ch.isalpha():
        stats["alpha"] += 1
        stats["upper"] += ch.isupper()
    elif ch.isdigit():
        stats["digit"] += 1
    elif ch.isspace():
        stats["space"] += 1
    else:
        stats["punct"] += 1
print(stats)
print("hello_world".isidentifier(), "2x".isidentifier(), "   ".isspace(), "".isspace(), "Ab Cd".istitle())
