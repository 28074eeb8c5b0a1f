requests = ["/a", "/b", "/a", "/c", "/b", "/a", "/d", "/c", "/e", "/a"]
cache, capacity = [], 3
hits = misses = 0
for r in requests:
    if r in cache:
        hits += 1
        cache.remove(r)
    else:
        misses += 1
        if len(cache) >= capacity:
            cache.pop(0)
    cache.append(r)
print(f"hits={hits} misses={misses} ratio={hits / len(requests):.0%}")
print("final cache (LRU -> MRU):", cache)
