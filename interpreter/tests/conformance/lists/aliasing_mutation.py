a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
c = a.copy()
c.append(5)
print(a, c)
def add_item(lst, item):
    lst.append(item)
add_item(a, 99)
print(a, b)
