def charge(card, amount):
    if not card.startswith("4"):
        raise ValueError("unsupported card")
    return amount
for card in ["4111", "5500"]:
    try:
        print("charged", charge(card, 20))
    except ValueError as e:
        print("log:", e)
        raise
