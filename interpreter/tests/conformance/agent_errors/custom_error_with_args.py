class PaymentDeclined(Exception):
    pass
def pay(amount, balance):
    if amount > balance:
        raise PaymentDeclined(amount, balance)
    return balance - amount
balance = 100
for amt in (30, 50, 40):
    balance = pay(amt, balance)
    print("paid", amt, "left", balance)
