# String building: f-strings, join, split, replace, strip, upper/lower and
# slicing, about 10^5 string operations in all.
names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
actions = ["opened", "closed", "merged", "commented on", "reviewed"]
lines = []
for i in range(12000):
    who = names[i % len(names)]
    what = actions[(i * 7) % len(actions)]
    lines.append(f"{i:05d};{who};{what};issue-{(i * 13) % 997}")
log = "\n".join(lines)
total_len = 0
words = 0
rebuilt = []
for line in log.split("\n"):
    parts = line.split(";")
    who = parts[1].capitalize()
    what = parts[2].replace(" on", "").upper()
    ref = parts[3].replace("issue-", "#")
    entry = f"{who} {what.lower()} {ref}".strip()
    words += len(entry.split(" "))
    total_len += len(entry)
    rebuilt.append(entry[:20])
csv = ",".join(rebuilt)
pieces = csv.split(",")
short = [p for p in pieces if p.startswith("Bob") or p.endswith("7")]
padded = "".join([p.ljust(22, ".") for p in short[:2000]])
title = " ".join(w.title() for w in "the quick brown fox jumps over the lazy dog".split())
acc = ""
for i in range(3000):
    acc += str(i)[-1]
checksum = 0
for ch in padded[::7]:
    checksum = (checksum * 131 + ord(ch)) % 1000000007
print(f"lines={len(lines)} words={words} total_len={total_len} short={len(short)}")
print(f"padded={len(padded)} acc={len(acc)} count7={acc.count('7')} title={title}")
print(f"checksum {checksum}")
