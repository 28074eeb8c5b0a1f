def validate(order):
    if order["qty"] <= 0:
        raise ValueError("quantity must be positive")
    return True
print(validate({"qty": 1}))
validate({"qty": 0})
