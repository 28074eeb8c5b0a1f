text = "the quick brown fox jumps over the lazy dog the fox"
words = text.split()
lengths = [len(w) for w in words]
print("words:", len(words), "unique:", len(set(words)))
print("avg length: %.2f" % (sum(lengths) / len(words)))
print("longest:", max(words, key=len), "shortest:", min(words, key=len))
print("most common:", max(set(words), key=lambda w: (words.count(w), w)))
print("capitalized:", " ".join(w.capitalize() for w in words[:4]))
