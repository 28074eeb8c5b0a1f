deals = [("web", "won"), ("referral", "won"), ("web", "lost"), ("event", "lost"), ("referral", "won"), ("web", "won"), ("event", "won"), ("web", "lost")]
sources = {}
for src, outcome in deals:
    w, n = sources.get(src, (0, 0))
    sources[src] = (w + (outcome == "won"), n + 1)
for src, (w, n) in sorted(sources.items(), key=lambda kv: kv[1][0] / kv[1][1], reverse=True):
    print(f"{src:<9}{w}/{n} {w / n:.0%}")
