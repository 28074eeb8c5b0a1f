notes = """- 10m intro (ana)
- 25m metrics review (ben)
- 5m break
- 20m Q&A (all)"""
clock = 14 * 60
for line in notes.splitlines():
    text = line.lstrip("- ")
    dur_s, _, rest = text.partition(" ")
    dur = int(dur_s.rstrip("m"))
    owner = rest[rest.find("(") + 1:rest.find(")")] if "(" in rest else "-"
    topic = rest.split(" (")[0]
    print("%02d:%02d %-15s %-4s %dm" % (clock // 60, clock % 60, topic, owner, dur))
    clock += dur
print("ends %02d:%02d" % divmod(clock, 60))
