text = "Hello, World! 123"
table = str.maketrans("lo", "01", "!")
print(text.translate(table))
leet = str.maketrans({"a": "4", "e": "3", "o": "0"})
print("planner generated output".translate(leet))
