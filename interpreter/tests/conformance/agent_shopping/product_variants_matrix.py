colors = ["red", "blue", "black"]
sizes = ["S", "M", "L"]
out_of_stock = {("red", "S"), ("black", "L"), ("blue", "M")}
variants = [(c, s) for c in colors for s in sizes]
available = [v for v in variants if v not in out_of_stock]
print(len(variants), "variants,", len(available), "available")
for c in colors:
    row = " ".join(s if (c, s) not in out_of_stock else "-" for s in sizes)
    print(f"{c:<6}{row}")
skus = ["{}-{}".format(c[:3].upper(), s) for c, s in available]
print(skus[:4])
