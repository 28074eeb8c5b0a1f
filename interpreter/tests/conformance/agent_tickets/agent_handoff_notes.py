notes = {"T1": "waiting on customer logs", "T2": "", "T3": "escalated to eng, ETA Friday", "T4": None}
handoff = []
for tid, note in notes.items():
    text = (note or "").strip()
    handoff.append(f"{tid}: {text if text else '(no notes - please review)'}")
print("\n".join(handoff))
print("needs review:", [t for t, n in notes.items() if not n])
