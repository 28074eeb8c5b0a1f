def make_counter(prefix, start=1000):
    n = start
    def next_id():
        nonlocal n
        n += 1
        return f"{prefix}-{n}"
    return next_id
new_order = make_counter("ORD")
new_refund = make_counter("REF", start=10)
print([new_order() for _ in range(3)])
print(new_refund(), new_order(), new_refund())
