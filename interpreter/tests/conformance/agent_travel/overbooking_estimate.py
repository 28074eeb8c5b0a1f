capacity = 180
no_show_rate = 0.07
for sold in range(180, 200, 4):
    expected_show = sold * (1 - no_show_rate)
    bumped = max(0, expected_show - capacity)
    print(f"sold {sold}: expect {expected_show:6.1f} show, bump {bumped:4.1f}")
best = max((s for s in range(180, 220) if s * (1 - no_show_rate) <= capacity), default=capacity)
print("max safe sales:", best)
