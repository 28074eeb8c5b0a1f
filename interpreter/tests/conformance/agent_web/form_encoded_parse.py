body = "name=Jane+Doe&email=jane%40example.com&tags=a&tags=b&note=50%25+off&empty="
def unquote(s):
    s = s.replace("+", " ")
    out, i = "", 0
    while i < len(s):
        if s[i] == "%" and i + 2 < len(s) + 1:
            out += chr(int(s[i + 1:i + 3], 16))
            i += 3
        else:
            out += s[i]
            i += 1
    return out
form = {}
for pair in body.split("&"):
    k, _, v = pair.partition("=")
    form.setdefault(unquote(k), []).append(unquote(v))
for k, vs in form.items():
    print(k, "=", vs if len(vs) > 1 else repr(vs[0]))
