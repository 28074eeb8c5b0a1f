orders = [("A100", "shipped", "2024-05-01"), ("A101", "processing", "2024-05-03"), ("A102", "delivered", "2024-04-28"), ("A103", "cancelled", "2024-05-02"), ("A104", "shipped", "2024-05-02")]
icons = {"processing": "...", "shipped": ">>>", "delivered": "[v]", "cancelled": "[x]"}
for oid, status, date in sorted(orders, key=lambda o: o[2], reverse=True):
    print(f"{icons[status]} {oid} {status:<10} {date}")
active = [o[0] for o in orders if o[1] in ("processing", "shipped")]
print("active:", active)
