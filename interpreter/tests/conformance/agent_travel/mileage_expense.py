trips = ["2024-05-01 office->client 34.5", "2024-05-03 client->office 34.5", "2024-05-07 office->airport 22", "2024-05-09 airport->home 18.25"]
rate = 0.67
total_miles = 0.0
for t in trips:
    date, route, miles = t.split(" ")
    total_miles += float(miles)
    start, end = route.split("->")
    print(f"{date} {start:>7} -> {end:<7}{float(miles):6.2f} mi  ${float(miles) * rate:6.2f}")
print(f"{total_miles:.2f} mi = ${total_miles * rate:.2f}")
