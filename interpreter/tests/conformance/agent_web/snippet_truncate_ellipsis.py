snippets = ["Short text", "This snippet is definitely longer than the forty character limit we set", "Exactly forty characters long, no more!!"]
limit = 40
for s in snippets:
    out = s if len(s) <= limit else s[:limit - 3].rstrip() + "..."
    print(f"[{out:<40}] {len(out)}")
