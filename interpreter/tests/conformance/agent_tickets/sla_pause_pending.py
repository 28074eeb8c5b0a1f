timeline = [("open", 0), ("pending", 30), ("open", 90), ("pending", 100), ("open", 160), ("resolved", 200)]
counted = 0
for (state, t), (_, t_next) in zip(timeline, timeline[1:]):
    if state == "open":
        counted += t_next - t
print("SLA clock minutes:", counted)
print("paused minutes:", timeline[-1][1] - timeline[0][1] - counted)
