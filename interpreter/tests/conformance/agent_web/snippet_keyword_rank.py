query = "rust async runtime"
results = [
    ("Tokio", "Tokio is an async runtime for the Rust programming language"),
    ("Async book", "Asynchronous programming in Rust"),
    ("Node.js", "An async event-driven JavaScript runtime"),
    ("Cooking", "Rust removal from cast iron pans"),
]
terms = query.lower().split()
scored = []
for title, snippet in results:
    words = snippet.lower().replace("-", " ").split()
    score = sum(words.count(t) for t in terms)
    scored.append((score, title))
for score, title in sorted(scored, key=lambda s: (-s[0], s[1])):
    print(f"{score}  {title}")
