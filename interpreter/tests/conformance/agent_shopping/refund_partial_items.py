order = {"items": [("shirt", 25.0, 2), ("pants", 40.0, 1), ("socks", 5.0, 4)], "shipping": 6.0}
returned = {"shirt": 1, "socks": 4}
refund = 0.0
for name, price, qty in order["items"]:
    back = min(returned.get(name, 0), qty)
    if back:
        refund += back * price
        print(f"refund {back} x {name} = {back * price:.2f}")
full_return = all(returned.get(n, 0) >= q for n, _, q in order["items"])
if full_return:
    refund += order["shipping"]
print(f"total refund {refund:.2f} (shipping refunded: {full_return})")
