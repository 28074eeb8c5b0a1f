chain = ["alice", "bob", "carol", "bob", "dave"]
hops = list(zip(chain, chain[1:]))
for a, b in hops:
    print(f"{a} -> {b}")
visited = []
for person in chain:
    if person in visited:
        print("loop detected at", person)
        break
    visited.append(person)
else:
    print("no loop")
print("distinct:", len(set(chain)))
