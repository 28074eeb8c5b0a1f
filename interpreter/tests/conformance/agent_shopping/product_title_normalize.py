titles = ["  Apple iPhone 15 Pro - 256GB - Blue  ", "SAMSUNG galaxy s24 (128 gb)", "Google Pixel 8   128GB"]
def normalize(t):
    t = t.strip().replace("(", "").replace(")", "").replace(" - ", " ")
    words = t.split()
    out = []
    for w in words:
        low = w.lower()
        if low.endswith("gb") and low[:-2].isdigit():
            out.append(low[:-2] + "GB")
        elif low == "gb":
            out[-1] = out[-1] + "GB"
        else:
            out.append(w if any(c.isupper() for c in w[1:]) else w.capitalize())
    return " ".join(out)
for t in titles:
    print(normalize(t))
