backlog = 120
daily_closed = [14, 9, 17, 11, 0, 0, 20]
daily_new = [6, 8, 5, 9, 2, 1, 7]
for day, (closed, new) in enumerate(zip(daily_closed, daily_new), 1):
    backlog += new - closed
    trend = "v" if closed > new else "^" if new > closed else "="
    print(f"day {day}: +{new:<2} -{closed:<2} backlog {backlog:>3} {trend}")
net = sum(daily_closed) - sum(daily_new)
print(f"net burn {net}, days to zero at this pace: {backlog / (net / 7):.1f}")
