bodies = [
    "News... To stop, visit https://news.example.com/unsubscribe?u=42 today",
    "Hi! no links here",
    "Deals at http://shop.example.org/deals and https://shop.example.org/unsub?id=7",
]
for n, body in enumerate(bodies):
    urls = [w for w in body.split() if w.startswith(("http://", "https://"))]
    unsub = [u for u in urls if "unsub" in u]
    if unsub:
        link = unsub[0]
        host = link.split("//", 1)[1].split("/", 1)[0]
        print("#%d unsubscribe via %s" % (n, host))
    else:
        print("#%d nothing to do (%d links)" % (n, len(urls)))
