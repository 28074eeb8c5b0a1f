alerts = [("cpu", 100), ("cpu", 130), ("disk", 140), ("cpu", 400), ("disk", 150), ("cpu", 410)]
window = 60
last_sent = {}
sent = []
for name, t in alerts:
    if name not in last_sent or t - last_sent[name] >= window:
        last_sent[name] = t
        sent.append((name, t))
print("sent:", sent)
print("suppressed:", len(alerts) - len(sent))
