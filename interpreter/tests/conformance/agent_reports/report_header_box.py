title = "Monthly Operations Report"
meta = {"Period": "2024-05", "Author": "planner", "Pages": 3}
width = max(len(title), *(len(f"{k}: {v}") for k, v in meta.items())) + 4
print("+" + "-" * (width - 2) + "+")
print("|" + title.center(width - 2) + "|")
print("+" + "-" * (width - 2) + "+")
for k, v in meta.items():
    print("| " + f"{k}: {v}".ljust(width - 4) + " |")
print("+" + "-" * (width - 2) + "+")
