reviews = [
    {"hotel": "Central", "score": 9, "text": "great location, clean"},
    {"hotel": "Central", "score": 7, "text": "noisy at night"},
    {"hotel": "Riverside", "score": 10, "text": "quiet and clean"},
    {"hotel": "Central", "score": 8, "text": "clean rooms, friendly staff"},
    {"hotel": "Riverside", "score": 6, "text": "far from center"},
]
summary = {}
for r in reviews:
    s = summary.setdefault(r["hotel"], {"scores": [], "clean": 0})
    s["scores"].append(r["score"])
    s["clean"] += "clean" in r["text"]
for hotel, s in summary.items():
    avg = sum(s["scores"]) / len(s["scores"])
    print("%-9s avg %.2f from %d reviews, 'clean' mentioned %d time(s)" % (hotel, avg, len(s["scores"]), s["clean"]))
