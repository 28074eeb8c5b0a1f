calls = []
def page_has_answer(url):
    calls.append(url)
    return "faq" in url
urls = ["https://a.com/home", "https://a.com/faq", "https://a.com/blog", "https://a.com/shop"]
print(any(page_has_answer(u) for u in urls))
print("fetched:", calls)
calls.clear()
print(all(len(u) < 19 for u in urls), any(map(page_has_answer, urls[2:])))
print("fetched:", calls)
