costs = {"flights": 842.30, "hotel": [189, 189, 205, 205], "food_per_day": 65, "activities": [45, 120, 30.5]}
days = len(costs["hotel"]) + 1
total = costs["flights"] + sum(costs["hotel"]) + costs["food_per_day"] * days + sum(costs["activities"])
print("days:", days)
print("hotel avg/night: %.2f" % (sum(costs["hotel"]) / len(costs["hotel"])))
print("total: ${:,.2f}".format(total))
print("per day: ${:,.2f}".format(total / days))
budget = 2000
print("within budget" if total <= budget else "over by ${:,.2f}".format(total - budget))
