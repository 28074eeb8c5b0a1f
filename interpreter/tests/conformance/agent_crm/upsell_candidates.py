accounts = [("Acme", "basic", 48, 50), ("Zen", "pro", 10, 100), ("Orb", "basic", 50, 50), ("Kite", "team", 19, 20)]
next_plan = {"basic": "team", "team": "pro", "pro": None}
for name, plan, used, seats in accounts:
    usage = used / seats
    target = next_plan[plan]
    if usage >= 0.9 and target:
        print("%-5s %3.0f%% of %s seats -> pitch %s" % (name, usage * 100, plan, target))
    elif usage < 0.2:
        print("%-5s underused (%d/%d)" % (name, used, seats))
