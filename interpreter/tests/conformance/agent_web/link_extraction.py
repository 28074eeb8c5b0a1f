page = 'See <a href="https://a.com/x">A</a> and <a href="/relative/path">rel</a> or <a href=\'https://b.org\'>B</a>.'
base = "https://site.com"
links = []
pos = 0
while (i := page.find("href=", pos)) != -1:
    quote = page[i + 5]
    end = page.find(quote, i + 6)
    href = page[i + 6:end]
    links.append(href if href.startswith("http") else base + href)
    pos = end
for l in links:
    print(l)
