replies = ["Yes", "no", "YES!", "maybe", "Yes, see you", "No thanks", "", "yes"]
tally = dict.fromkeys(["yes", "no", "maybe", "unclear"], 0)
for r in replies:
    w = r.strip().lower()
    key = next((k for k in ("yes", "no", "maybe") if w.startswith(k)), "unclear")
    tally[key] += 1
for k, v in tally.items():
    print("%-7s %d" % (k, v))
print("response rate: %.1f%%" % (100 * (len(replies) - tally["unclear"]) / len(replies)))
