answers = ["agree", "strongly agree", "neutral", "agree", "disagree", "agree", "strongly agree", "neutral", "agree"]
scale = ["strongly disagree", "disagree", "neutral", "agree", "strongly agree"]
counts = [answers.count(s) for s in scale]
total = len(answers)
for label, n in zip(scale, counts):
    bar = "#" * round(20 * n / total)
    print(f"{label:>17} {n:2d} {bar}")
score = sum(i * n for i, n in enumerate(counts, 1)) / total
print(f"average score {score:.2f} / 5")
