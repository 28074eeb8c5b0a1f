chart = [("XS", 81), ("S", 89), ("M", 97), ("L", 105), ("XL", 113)]
customers = {"ana": 88, "ben": 101, "cy": 120, "dee": 80}
for name, chest in customers.items():
    size = next((s for s, max_cm in chart if chest <= max_cm), None)
    print(f"{name}: {chest}cm -> {size or 'custom order'}")
