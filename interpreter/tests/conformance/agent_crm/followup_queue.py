contacts = [("Ana", "2024-04-01", "call"), ("Ben", "2024-05-10", "email"), ("Cy", "2024-03-15", "meeting"), ("Dee", "2024-05-01", "email")]
today = "2024-05-05"
overdue = [(n, d, a) for n, d, a in contacts if d < today]
upcoming = [(n, d, a) for n, d, a in contacts if d >= today]
print("Overdue:")
for n, d, a in sorted(overdue, key=lambda c: c[1]):
    print("  %s: %s since %s" % (n, a, d))
print("Upcoming:", ", ".join("%s on %s" % (n, d) for n, d, _ in upcoming))
