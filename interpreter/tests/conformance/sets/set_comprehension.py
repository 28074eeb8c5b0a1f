lengths = {len(w) for w in ["a", "bb", "cc", "ddd", "e"]}
print(sorted(lengths))
evens = {n % 4 for n in range(20) if n % 2 == 0}
print(sorted(evens))
firsts = {w[0].lower() for w in ["Apple", "avocado", "Banana"]}
print(sorted(firsts))
