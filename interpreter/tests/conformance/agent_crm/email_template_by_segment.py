templates = {
    "new": "Welcome aboard, {name}! Here is how to get started.",
    "vip": "{name}, your account manager {am} will call you this week.",
    "lapsed": "We miss you, {name}. Come back for {discount}% off.",
}
customers = [("Ana", "vip", {"am": "Raj"}), ("Ben", "lapsed", {"discount": 15}), ("Cy", "new", {}), ("Dee", "unknown", {})]
for name, seg, extra in customers:
    tmpl = templates.get(seg)
    if tmpl is None:
        print(f"no template for {name} ({seg})")
        continue
    print(tmpl.format(name=name, **extra))
