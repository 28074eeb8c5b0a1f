checks = "UUUUDUUUUUUDDUUUUUUUUUUU"
up = checks.count("U")
print(f"uptime {up / len(checks):.2%} over {len(checks)} checks")
outages = [seg for seg in checks.split("U") if seg]
print("outages:", len(outages), "longest:", max(map(len, outages)), "checks")
first_down = checks.find("D")
print("first outage at check", first_down, "last at", checks.rfind("D"))
