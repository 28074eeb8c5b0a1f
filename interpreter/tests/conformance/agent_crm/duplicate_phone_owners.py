contacts = [("Ana", "555-0101"), ("Ben", "(555) 0101"), ("Cy", "555-0199"), ("Dee", "5550199"), ("Eve", "555-0142")]
owners = {}
for name, phone in contacts:
    key = "".join(filter(str.isdigit, phone))
    owners.setdefault(key, []).append(name)
for phone, names in owners.items():
    if len(names) > 1:
        print(f"{phone}: shared by {' & '.join(names)}")
print("unique numbers:", len(owners))
