text = "The quick brown fox"
print("quick" in text, "Quick" in text, "" in text, "q" not in text)
print(3 in [1, 2, 3], (1, 2) in [(1, 2)], "a" in {"a": 1}, 1 in {"a": 1}.values())
print([1, 2] in [[1, 2], [3]], "fox" in text.split(), "ox" in text.split())
print(2 in range(0, 10, 2), 3 in range(0, 10, 2), None in [0, False, None])
