html = "<h1>Title</h1><p>Hello <b>world</b> &amp; friends.</p><br/><a href='x'>link</a>"
text, inside = [], False
for ch in html:
    if ch == "<":
        inside = True
    elif ch == ">":
        inside = False
        text.append(" ")
    elif not inside:
        text.append(ch)
plain = " ".join("".join(text).split())
plain = plain.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
print(plain)
print(len(plain), "chars,", len(plain.split()), "words")
