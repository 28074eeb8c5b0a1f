rows = 6
taken = {"1A", "1B", "2C", "3A", "3F", "5D", "6A", "6B", "6C", "6D", "6E", "6F"}
letters = "ABCDEF"
for r in range(1, rows + 1):
    line = ""
    for i, l in enumerate(letters):
        line += "X" if f"{r}{l}" in taken else "."
        if i == 2:
            line += " "
    print(f"{r:>2} {line}")
free_window = [f"{r}{l}" for r in range(1, rows + 1) for l in "AF" if f"{r}{l}" not in taken]
print("free window seats:", free_window)
