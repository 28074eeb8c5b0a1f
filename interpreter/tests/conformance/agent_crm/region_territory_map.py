territories = {"west": ["CA", "OR", "WA", "NV"], "east": ["NY", "MA", "NJ"], "south": ["TX", "FL", "GA"]}
state_to_region = {s: r for r, states in territories.items() for s in states}
accounts = [("Acme", "CA"), ("Zen", "TX"), ("Orb", "NY"), ("Kite", "AK"), ("Volt", "WA")]
counts = {}
for name, state in accounts:
    region = state_to_region.get(state, "unassigned")
    counts[region] = counts.get(region, 0) + 1
    print(f"{name:<5}{state} -> {region}")
print(counts)
