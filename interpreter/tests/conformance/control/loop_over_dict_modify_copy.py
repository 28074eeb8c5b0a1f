stock = {"a": 0, "b": 3, "c": 0, "d": 1}
for k in list(stock):
    if stock[k] == 0:
        del stock[k]
print(stock)
for k, v in list(stock.items()):
    stock[k] = v * 10
print(stock)
