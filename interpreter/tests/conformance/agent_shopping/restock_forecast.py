daily_sales = {"widget": [5, 7, 6, 8, 4], "gizmo": [1, 0, 2, 1, 1], "doohickey": [20, 25, 22, 18, 30]}
stock = {"widget": 40, "gizmo": 3, "doohickey": 50}
lead_time = 3
for item, history in daily_sales.items():
    rate = sum(history) / len(history)
    days_left = stock[item] / rate if rate else float("inf")
    action = "reorder now" if days_left <= lead_time + 1 else "ok"
    print(f"{item:<10} {rate:5.1f}/day  {days_left:5.1f} days left  {action}")
