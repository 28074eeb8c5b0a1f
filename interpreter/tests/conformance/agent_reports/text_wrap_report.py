summary = "The quarterly review showed strong growth in subscriptions while support costs held flat and churn declined slightly in all regions."
width = 40
lines, current = [], ""
for word in summary.split():
    if current and len(current) + 1 + len(word) > width:
        lines.append(current)
        current = word
    else:
        current = word if not current else current + " " + word
lines.append(current)
for l in lines:
    print("| " + l.ljust(width) + " |")
