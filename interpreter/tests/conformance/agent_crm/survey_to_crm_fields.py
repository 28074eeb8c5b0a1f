answers = {"q1": "Company size: 51-200", "q2": "Budget: $10k-$50k", "q3": "Timeline: this quarter", "q4": "Decision maker: yes"}
fields = {}
for q, text in answers.items():
    label, _, value = text.partition(": ")
    key = label.lower().replace(" ", "_")
    fields[key] = value
lo, hi = fields["budget"].replace("$", "").replace("k", "000").split("-")
fields["budget_mid"] = (int(lo) + int(hi)) // 2
fields["decision_maker"] = fields["decision_maker"] == "yes"
for k, v in fields.items():
    print(f"{k:<16}= {v!r}")
