data = """ID   NAME        QTY  PRICE
001  Widget       12   2.50
002  Gadget Pro    3  19.99
003  Nut         500   0.05"""
lines = data.splitlines()
cols = [(0, 5), (5, 17), (17, 22), (22, None)]
rows = [[line[a:b].strip() for a, b in cols] for line in lines]
header, body = rows[0], rows[1:]
for r in body:
    rec = dict(zip(header, r))
    print(f"{rec['ID']} {rec['NAME']:<11} {int(rec['QTY']) * float(rec['PRICE']):8.2f}")
