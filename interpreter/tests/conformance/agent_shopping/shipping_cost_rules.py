packages = [("book", 0.8, "domestic"), ("laptop", 2.5, "international"), ("feather", 0.05, "domestic"), ("dumbbell", 12, "domestic")]
def shipping(kg, zone):
    base = 4.99 if zone == "domestic" else 14.99
    if kg <= 0.5:
        return base
    extra = (kg - 0.5) * (1.5 if zone == "domestic" else 6.0)
    return round(min(base + extra, 49.99), 2)
for name, kg, zone in packages:
    print(f"{name:<9}{kg:>5}kg {zone:<14}${shipping(kg, zone):>6.2f}")
free_over = 35
print("free shipping above", free_over)
