items = [("shoes", 120.0, "apparel"), ("laptop", 1400.0, "electronics"), ("tea", 25.0, "food")]
duty = {"apparel": 0.12, "electronics": 0.0, "food": 0.05}
vat = 0.2
threshold = 150
total_value = sum(v for _, v, _ in items)
print(f"declared value {total_value:.2f}")
if total_value <= threshold:
    print("below threshold, no duty")
else:
    d = sum(v * duty[c] for _, v, c in items)
    v = (total_value + d) * vat
    print(f"duty {d:.2f} + vat {v:.2f} = {d + v:.2f}")
