def search(q):
    print("  searching", repr(q))
    return [q + " result"] if len(q) > 3 else []
queries = ["ai", "rust lang", "python", "go"]
for i, results in enumerate(map(search, queries)):
    if results:
        print("first hit at", i, results)
        break
print("done")
