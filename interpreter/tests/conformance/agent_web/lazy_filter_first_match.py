log = []
def fetch_price(sku):
    log.append(sku)
    return {"A1": 30, "B2": 12, "C3": 9, "D4": 50}[sku]
cheap = filter(lambda sku: fetch_price(sku) < 15, ["A1", "B2", "C3", "D4"])
print(next(cheap))
print("looked up:", log)
print(next(cheap), "then", log)
