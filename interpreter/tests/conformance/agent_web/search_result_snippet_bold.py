query = "budget"
snippets = ["The budget for 2024 was approved.", "Budget cuts hit research", "No match here", "budget, budget everywhere"]
for s in snippets:
    low = s.lower()
    out, i = "", 0
    while (j := low.find(query, i)) >= 0:
        out += s[i:j] + "**" + s[j:j + len(query)] + "**"
        i = j + len(query)
    out += s[i:]
    print(out)
