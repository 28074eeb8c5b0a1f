articles = {"Reset your password": {"password", "reset", "login"}, "Update billing info": {"billing", "card", "invoice"}, "Export your data": {"export", "csv", "download"}}
question = "How do I download an invoice as CSV?"
words = {w.strip("?.,!").lower() for w in question.split()}
scored = sorted(((len(words & kw), title) for title, kw in articles.items()), reverse=True)
for score, title in scored:
    if score:
        print(score, title)
print("best:", scored[0][1] if scored[0][0] else "none")
