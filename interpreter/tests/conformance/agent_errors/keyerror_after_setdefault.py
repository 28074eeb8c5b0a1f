groups = {}
for name, team in [("ana", "eng"), ("ben", "ops")]:
    groups.setdefault(team, []).append(name)
print(groups)
print(groups["eng"])
print(groups["sales"])
