for i, word in enumerate(["zero", "one", "two"], 1):
    print(f"{i}. {word:<5} ({len(word)} chars)")
squares = [f"{n}^2={n * n}" for n in range(1, 5)]
print(", ".join(squares))
