guest = {"sku1": 2, "sku2": 1}
user = {"sku2": 3, "sku3": 1}
merged = dict(user)
for sku, qty in guest.items():
    merged[sku] = max(merged.get(sku, 0), qty)
print(merged)
summed = {k: guest.get(k, 0) + user.get(k, 0) for k in sorted(guest.keys() | user.keys())}
print(summed)
print("conflicts:", sorted(guest.keys() & user.keys()))
