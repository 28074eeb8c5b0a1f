closed = [("T1", "fixed"), ("T2", "duplicate"), ("T3", "fixed"), ("T4", "wontfix"), ("T5", "fixed"), ("T6", "cannot reproduce"), ("T7", "duplicate")]
reasons = {}
for tid, reason in closed:
    reasons.setdefault(reason, []).append(tid)
width = max(map(len, reasons))
for reason, tids in sorted(reasons.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"{reason:>{width}}: {len(tids)} ({', '.join(tids)})")
