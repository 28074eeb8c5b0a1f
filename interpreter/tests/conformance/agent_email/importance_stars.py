emails = [("Board meeting", 5), ("Coffee?", 1), ("Budget cut", 4), ("FYI", 2)]
for subject, score in sorted(emails, key=lambda e: e[1], reverse=True):
    stars = "*" * score + "." * (5 - score)
    print(f"{stars} {subject}")
avg = sum(s for _, s in emails) / len(emails)
print(f"average importance {avg:.2f}")
print("above average:", [s for s, v in emails if v > avg])
