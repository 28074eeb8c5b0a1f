meeting = {"title": "Roadmap review", "minutes": 75, "attendees": {"ana": 120, "ben": 95, "cy": 150, "dee": 60}}
hours = meeting["minutes"] / 60
cost = sum(rate * hours for rate in meeting["attendees"].values())
print("%s: %d people, %.2f hours" % (meeting["title"], len(meeting["attendees"]), hours))
print("cost: ${:,.2f}".format(cost))
priciest = max(meeting["attendees"].items(), key=lambda kv: kv[1])
print("most expensive attendee: %s ($%d/h)" % priciest)
