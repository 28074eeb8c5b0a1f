flight = {"depart": "22:30", "depart_tz": -7, "duration_min": 11 * 60 + 25, "arrive_tz": 9}
h, m = map(int, flight["depart"].split(":"))
utc = h * 60 + m - flight["depart_tz"] * 60
arrival_local = utc + flight["duration_min"] + flight["arrive_tz"] * 60
days, minute_of_day = divmod(arrival_local, 1440)
print("arrives %02d:%02d local, %+d day(s)" % (minute_of_day // 60, minute_of_day % 60, days))
print("clock difference: %+d h" % (flight["arrive_tz"] - flight["depart_tz"]))
