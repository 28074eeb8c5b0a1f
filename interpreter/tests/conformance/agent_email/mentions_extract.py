messages = ["@ana can you check?", "cc @ben and @ana.", "thanks all", "@cho: done, @ben!"]
mentions = []
for msg in messages:
    for word in msg.split():
        if word.startswith("@") and len(word) > 1:
            name = word[1:].rstrip(".,:!?")
            mentions.append(name)
print(mentions)
counts = {n: mentions.count(n) for n in dict.fromkeys(mentions)}
print(counts)
print("most mentioned:", max(counts, key=counts.get))
