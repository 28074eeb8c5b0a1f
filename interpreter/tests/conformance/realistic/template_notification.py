template = "Hello {name}, your {item} will arrive on {date}. Order total: ${total:.2f}"
orders = [
    {"name": "Ann", "item": "keyboard", "date": "Mon", "total": 89.5},
    {"name": "Bo", "item": "monitor", "date": "Wed", "total": 219},
]
for o in orders:
    print(template.format(**o))
subject = "Your order{} {} on the way".format("s" if len(orders) > 1 else "", "are" if len(orders) > 1 else "is")
print(subject)
