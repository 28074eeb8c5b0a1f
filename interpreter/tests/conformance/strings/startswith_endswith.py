name = "report_2024.csv"
print(name.startswith("report"), name.endswith(".csv"))
print(name.startswith("csv"), name.endswith("report"))
print(name.endswith((".txt", ".csv")), name.startswith(("x", "y")))
print(name.startswith("2024", 7), "".startswith(""))
print("abc".endswith(""), "Abc".startswith("a"))
