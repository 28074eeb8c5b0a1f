trips = [("SFO-JFK", 2586, "economy"), ("JFK-LHR", 3451, "business"), ("LHR-CDG", 214, "economy"), ("SFO-HNL", 2398, "premium")]
mult = {"economy": 1.0, "premium": 1.5, "business": 2.0}
points = 0
for route, miles, cabin in trips:
    earned = max(500, int(miles * mult[cabin]))
    points += earned
    print(f"{route:<8}{miles:>6} mi {cabin:<9}+{earned:>5}")
tier = "gold" if points >= 15000 else "silver" if points >= 7500 else "member"
print(f"total {points:,} points -> {tier}")
