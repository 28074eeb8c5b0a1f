messages = [("T1", 3, "agent", "Fixed now"), ("T1", 1, "customer", "It is broken"), ("T2", 1, "customer", "Question"), ("T1", 2, "agent", "Looking into it")]
threads = {}
for tid, seq, who, text in messages:
    threads.setdefault(tid, []).append((seq, who, text))
for tid in sorted(threads):
    print(tid)
    for seq, who, text in sorted(threads[tid]):
        print(f"  {seq}. {who:>8}: {text}")
    last = max(threads[tid])[1]
    print("  waiting on:", "customer" if last == "agent" else "agent")
