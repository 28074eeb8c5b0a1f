drafts = {"intro": "Hi! " * 3, "pitch": "word " * 60, "thanks": "Thank you so much."}
limit = 200
for name, text in drafts.items():
    n = len(text.strip())
    over = n - limit
    print(f"{name:<7}{n:>5} chars", f"(over by {over})" if over > 0 else "ok")
longest = max(drafts.items(), key=lambda kv: len(kv[1]))
print("longest:", longest[0])
