tickets = [("ana", "09:00", "09:20"), ("ben", "09:05", "10:35"), ("ana", "11:00", "11:08"), ("cy", "13:00", "13:45"), ("ben", "14:00", "14:10")]
def mins(t):
    h, m = t.split(":")
    return int(h) * 60 + int(m)
per_agent = {}
for agent, opened, replied in tickets:
    per_agent.setdefault(agent, []).append(mins(replied) - mins(opened))
for agent, times in sorted(per_agent.items(), key=lambda kv: sum(kv[1]) / len(kv[1])):
    print(f"{agent:<4} avg {sum(times) / len(times):5.1f} min  worst {max(times):3d}  n={len(times)}")
