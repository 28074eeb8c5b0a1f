sent = [("Proposal", "2024-04-01", True), ("Quote", "2024-04-10", False), ("Intro", "2024-03-20", False)]
today = (2024, 4, 15)
def to_days(date):
    y, m, d = (int(p) for p in date.split("-"))
    return y * 365 + (m - 1) * 30 + d
t = today[0] * 365 + (today[1] - 1) * 30 + today[2]
for subject, date, replied in sent:
    waited = t - to_days(date)
    status = "replied" if replied else ("FOLLOW UP" if waited >= 7 else "wait")
    print("{0:<9} sent {1} waited {2:>2}d -> {3}".format(subject, date, waited, status))
