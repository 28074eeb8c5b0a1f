txns = [("Spotify", "2024-01-05"), ("Gym", "2024-01-10"), ("Spotify", "2024-02-05"), ("Cafe", "2024-02-11"), ("Spotify", "2024-03-05"), ("Gym", "2024-03-10")]
months = {}
for merchant, date in txns:
    months.setdefault(merchant, []).append(date[:7])
for merchant, ms in months.items():
    kind = "recurring" if len(ms) >= 3 else ("maybe" if len(ms) == 2 else "one-off")
    print(f"{merchant:<8}{len(ms)}x {kind:<9} {', '.join(ms)}")
