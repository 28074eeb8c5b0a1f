options = {"taxi": {"cost": 55, "minutes": 35}, "train": {"cost": 12.5, "minutes": 50}, "bus": {"cost": 6, "minutes": 75}, "rideshare": {"cost": 42, "minutes": 40}}
value_of_time = 30
def total_cost(o):
    return o["cost"] + o["minutes"] / 60 * value_of_time
for name, o in sorted(options.items(), key=lambda kv: total_cost(kv[1])):
    print(f"{name:<10}${o['cost']:>6.2f} {o['minutes']:>3} min  effective ${total_cost(o):.2f}")
