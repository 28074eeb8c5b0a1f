sources = [
    {"title": "Attention Is All You Need", "authors": ["Vaswani", "Shazeer", "Parmar"], "year": 2017, "url": "https://arxiv.org/abs/1706.03762"},
    {"title": "The Rust Book", "authors": ["Klabnik", "Nichols"], "year": 2018, "url": "https://doc.rust-lang.org/book/"},
]
for n, s in enumerate(sources, 1):
    a = s["authors"]
    who = a[0] + " et al." if len(a) > 2 else " and ".join(a)
    print('[%d] %s (%d). "%s". %s' % (n, who, s["year"], s["title"], s["url"]))
