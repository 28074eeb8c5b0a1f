inbox = [
    {"id": 10, "age_days": 40, "starred": False, "from_vip": False},
    {"id": 11, "age_days": 2, "starred": True, "from_vip": False},
    {"id": 12, "age_days": 95, "starred": False, "from_vip": True},
    {"id": 13, "age_days": 1, "starred": False, "from_vip": False},
]
actions = {"archive": [], "keep": [], "flag": []}
for m in inbox:
    if m["starred"] or m["age_days"] < 7:
        actions["keep"].append(m["id"])
    elif m["from_vip"]:
        actions["flag"].append(m["id"])
    else:
        actions["archive"].append(m["id"])
for action, ids in actions.items():
    print(f"{action:>8}: {ids if ids else '-'}")
