plan = {"Q1": 50000, "Q2": 55000, "Q3": 60000, "Q4": 70000}
actual = {"Q1": 48200, "Q2": 57100.5, "Q3": 60000, "Q4": 64000}
for q in plan:
    diff = actual[q] - plan[q]
    flag = "over" if diff > 0 else "under" if diff < 0 else "on plan"
    print("{}: plan {:>7,} actual {:>10,.1f} {:+9,.1f} ({})".format(q, plan[q], actual[q], diff, flag))
print("year variance: {:+,.1f}".format(sum(actual.values()) - sum(plan.values())))
