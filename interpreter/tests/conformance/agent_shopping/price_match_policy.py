our_price = {"tv": 499.0, "soundbar": 199.0, "hdmi": 19.0}
claims = [("tv", "BigStore", 479.0), ("soundbar", "TinyShop", 150.0), ("hdmi", "BigStore", 21.0), ("tv", "Unknown", 300.0)]
approved_competitors = {"BigStore", "MegaMart"}
for item, store, price in claims:
    if store not in approved_competitors:
        verdict = "rejected: store not eligible"
    elif price >= our_price[item]:
        verdict = "no change: we are cheaper"
    else:
        verdict = f"matched: refund {our_price[item] - price:.2f}"
    print(f"{item:<9}{store:<9}{verdict}")
