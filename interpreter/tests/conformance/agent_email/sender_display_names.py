raw = ['"Lee, Ann" <ann@x.com>', "Bob Smith <bob@y.com>", "carol@z.com", " <dan@w.com>"]
def parse(addr):
    addr = addr.strip()
    if "<" in addr:
        name = addr[:addr.index("<")].strip().strip('"')
        email = addr[addr.index("<") + 1:addr.rindex(">")]
    else:
        name, email = "", addr
    return name or email.split("@")[0], email
for r in raw:
    name, email = parse(r)
    print("%-10s | %s" % (name, email))
