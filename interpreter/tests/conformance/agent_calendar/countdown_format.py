seconds_left = [59, 3600, 3725, 90061, 0]
for s in seconds_left:
    days, rem = divmod(s, 86400)
    hours, rem = divmod(rem, 3600)
    minutes, secs = divmod(rem, 60)
    parts = [(days, "d"), (hours, "h"), (minutes, "m"), (secs, "s")]
    text = " ".join(f"{v}{u}" for v, u in parts if v) or "now"
    print(f"{s:>6} -> {text}")
