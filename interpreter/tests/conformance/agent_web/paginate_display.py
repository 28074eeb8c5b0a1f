items = ["r%d" % i for i in range(1, 24)]
per_page = 10
total_pages = (len(items) + per_page - 1) // per_page
for page in range(1, total_pages + 1):
    start = (page - 1) * per_page
    chunk = items[start:start + per_page]
    nav = " ".join("[%d]" % p if p == page else str(p) for p in range(1, total_pages + 1))
    print(f"page {page}: {chunk[0]}..{chunk[-1]} ({len(chunk)})  {nav}")
