squares = {n: n * n for n in range(6)}
print(squares)
evens = {k: v for k, v in squares.items() if k % 2 == 0}
print(evens)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
lengths = {w: len(w) for w in "the quick brown fox".split()}
print(lengths)
