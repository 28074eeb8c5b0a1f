amounts = [1234567.891, 0.5, -42.0, 1000]
def us(v):
    return f"-${abs(v):,.2f}" if v < 0 else f"${v:,.2f}"
def eu(v):
    s = f"{abs(v):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return ("-" if v < 0 else "") + s + " €"
for a in amounts:
    print(f"{us(a):>16} | {eu(a):>16}")
