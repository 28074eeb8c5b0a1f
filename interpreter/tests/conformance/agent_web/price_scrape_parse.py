snippets = ["Now only $19.99 (was $29.99)", "Price: USD 1,299.00", "Call for price", "From $5 per month", "$0.99!"]
def first_price(s):
    s = s.replace("USD ", "$")
    i = s.find("$")
    if i < 0:
        return None
    j = i + 1
    while j < len(s) and (s[j].isdigit() or s[j] in ",."):
        j += 1
    return float(s[i + 1:j].replace(",", "").rstrip("."))
prices = [(s, first_price(s)) for s in snippets]
for s, p in prices:
    print(f"{s[:22]:<22} -> {p}")
print("cheapest:", min(p for _, p in prices if p is not None))
