hours = {"mon-fri": (9, 18), "sat": (10, 14), "sun": None}
queries = [("mon", 8), ("wed", 12), ("sat", 13), ("sat", 15), ("sun", 11)]
for day, hour in queries:
    key = "mon-fri" if day in ("mon", "tue", "wed", "thu", "fri") else day
    window = hours[key]
    open_now = window is not None and window[0] <= hour < window[1]
    print(f"{day} {hour:02d}:00 {'OPEN' if open_now else 'closed'}")
