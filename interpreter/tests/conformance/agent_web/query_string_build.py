params = {"q": "hotels in paris", "page": 2, "sort": "price asc", "filters": ["wifi", "pool"]}
def encode(v):
    out = ""
    for ch in str(v):
        if ch.isalnum() or ch in "-_.~":
            out += ch
        elif ch == " ":
            out += "+"
        else:
            out += "%%%02X" % ord(ch)
    return out
pairs = []
for k, v in params.items():
    for item in (v if isinstance(v, list) else [v]):
        pairs.append(encode(k) + "=" + encode(item))
print("https://api.example.com/search?" + "&".join(pairs))
