open_tickets = {"ana": 7, "ben": 3, "cy": 5}
incoming = ["T%d" % i for i in range(10, 16)]
for t in incoming:
    agent = min(open_tickets, key=lambda a: (open_tickets[a], a))
    open_tickets[agent] += 1
    print(t, "->", agent)
print(open_tickets)
