order = ["sev1", "sev2", "sev3", "sev4"]
incidents = [("db slow", "sev3"), ("site down", "sev1"), ("typo", "sev4"), ("payments failing", "sev1"), ("cache miss", "sev2")]
for title, sev in sorted(incidents, key=lambda i: (order.index(i[1]), i[0])):
    print(sev.upper(), title)
print({s: sum(1 for _, x in incidents if x == s) for s in order})
