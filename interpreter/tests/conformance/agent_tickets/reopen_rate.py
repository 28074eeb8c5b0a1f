events = [("T1", "resolved"), ("T2", "resolved"), ("T1", "reopened"), ("T3", "resolved"), ("T1", "resolved"), ("T2", "reopened")]
resolved = {t for t, e in events if e == "resolved"}
reopened = {t for t, e in events if e == "reopened"}
rate = len(reopened) / len(resolved)
print("resolved:", sorted(resolved), "reopened:", sorted(reopened))
print(f"reopen rate {rate:.1%}")
