rates = {"NYC": (79, 282), "Austin": (69, 170), "Boise": (64, 130)}
trip = [("NYC", 3), ("Austin", 2), ("Boise", 1)]
total_meals = total_lodging = 0
for city, nights in trip:
    meals, lodging = rates[city]
    m, l = meals * (nights + 1) * 0.75 if city == trip[-1][0] else meals * nights, lodging * nights
    total_meals += m
    total_lodging += l
    print(f"{city:<7} nights={nights} meals={m:7.2f} lodging={l:7.2f}")
print(f"TOTAL meals {total_meals:.2f} lodging {total_lodging:.2f}")
