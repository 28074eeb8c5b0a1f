trip = {"traveler": "Ana", "dest": "Tokyo", "depart": "2024-10-03", "return": "2024-10-12", "flight": "JL 1", "hotel": "Shinjuku Stay"}
body = """Hi %(traveler)s,

Your trip to %(dest)s is booked.
  Flight: %(flight)s, departing %(depart)s
  Hotel:  %(hotel)s
  Return: %(return)s

Safe travels!""" % trip
print(body)
print("chars:", len(body))
