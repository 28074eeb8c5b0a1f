graph = {"/": ["/a", "/b"], "/a": ["/c", "/"], "/b": ["/c", "/d"], "/c": ["/e"], "/d": [], "/e": ["/a"]}
frontier, seen, order = ["/"], {"/"}, []
while frontier:
    page = frontier.pop(0)
    order.append(page)
    for link in graph.get(page, []):
        if link not in seen:
            seen.add(link)
            frontier.append(link)
print(" -> ".join(order))
print("pages:", len(order))
