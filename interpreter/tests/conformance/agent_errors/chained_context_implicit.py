rates = {"EUR": 1.08}
def convert(amount, cur):
    try:
        return amount * rates[cur]
    except KeyError:
        return amount / 0
print(convert(10, "EUR"))
print(convert(10, "GBP"))
