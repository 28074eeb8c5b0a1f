s = "banana"
print("nan" in s, "nab" in s, "" in s, "B" not in s)
print("ab" * 3, 3 * "x", "z" * 0, "q" * -1 == "")
print("-" * 20)
line = "=" * 5 + " title " + "=" * 5
print(line, len(line))
