contracts = [("Acme", "48,000 USD"), ("Zen", "EUR 12.500,00"), ("Orb", "30000"), ("Kite", "£9,999.99")]
to_usd = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27}
for name, raw in contracts:
    cur = "GBP" if "£" in raw else next((c for c in to_usd if c in raw), "USD")
    num = raw.replace(cur, "").replace("£", "").strip()
    if cur == "EUR":
        num = num.replace(".", "").replace(",", ".")
    else:
        num = num.replace(",", "")
    usd = float(num) * to_usd[cur]
    print("%-5s %-14s %s -> %10.2f USD" % (name, raw, cur, usd))
