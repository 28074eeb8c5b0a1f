text = """The agent reads the email. The agent summarizes the email
and the agent sends a reply to the sender"""
counts = {}
for word in text.lower().split():
    word = word.strip(".,")
    counts[word] = counts.get(word, 0) + 1
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(f"{len(counts)} distinct words, {sum(counts.values())} total")
for word, n in ranked[:5]:
    print(f"{word:<10}{n:>3}")
