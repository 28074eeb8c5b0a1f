contacts = [{"first": "ana", "birthday": "05-03", "vip": True}, {"first": "BEN", "birthday": "05-03", "vip": False}, {"first": "cy", "birthday": "11-20", "vip": False}]
today = "05-03"
for c in contacts:
    if c["birthday"] != today:
        continue
    greeting = "Happy birthday, %s!" % c["first"].capitalize()
    if c["vip"]:
        greeting += " Enjoy 20%% off today."
    print(greeting)
