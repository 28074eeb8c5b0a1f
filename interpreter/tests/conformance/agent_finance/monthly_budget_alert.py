budget = {"dining": 200, "travel": 500, "groceries": 400}
spent = {"dining": 245.3, "travel": 120.0, "groceries": 399.99, "gifts": 80}
for cat in sorted(set(budget) | set(spent)):
    limit = budget.get(cat)
    used = spent.get(cat, 0)
    if limit is None:
        print(f"{cat}: ${used:.2f} spent with no budget")
    elif used > limit:
        print(f"{cat}: OVER by ${used - limit:.2f}")
    else:
        print(f"{cat}: {used / limit:.0%} used, ${limit - used:.2f} left")
