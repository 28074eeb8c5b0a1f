counts = {}
for ch in "hello world":
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
print(counts)
vowels = [c for c in "programming" if c in "aeiou"]
print(vowels, len(vowels))
print(list("abc"), sorted("banana"))
