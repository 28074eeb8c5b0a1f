allowed = {"new": {"open"}, "open": {"pending", "resolved"}, "pending": {"open", "resolved"}, "resolved": {"closed", "open"}, "closed": set()}
history = ["new", "open", "pending", "resolved", "open", "closed"]
for a, b in zip(history, history[1:]):
    ok = b in allowed[a]
    print(f"{a:>8} -> {b:<8} {'ok' if ok else 'INVALID'}")
print("final:", history[-1], "| terminal:", not allowed[history[-1]])
