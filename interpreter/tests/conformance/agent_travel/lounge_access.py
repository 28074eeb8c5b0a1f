passengers = [{"name": "ana", "cabin": "business", "status": None}, {"name": "ben", "cabin": "economy", "status": "gold"}, {"name": "cy", "cabin": "economy", "status": "silver"}, {"name": "dee", "cabin": "first", "status": "gold"}]
def access(p):
    if p["cabin"] in ("business", "first"):
        return "yes (cabin)"
    if p["status"] == "gold":
        return "yes (status)"
    return "no"
for p in passengers:
    print(p["name"].ljust(4), access(p))
print("guests allowed:", sum(1 for p in passengers if p["cabin"] == "first" or p["status"] == "gold"))
