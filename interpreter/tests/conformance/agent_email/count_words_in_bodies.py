bodies = ["The invoice is attached", "Please pay the invoice", "the meeting is at noon", "Invoice paid, thanks"]
freq = {}
for body in bodies:
    for word in body.lower().replace(",", "").split():
        freq[word] = freq.get(word, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
for word, n in top:
    print("%-8s %s" % (word, "*" * n))
print("distinct words:", len(freq))
