readings = ["21.5", "22.0", "N/A", "23.1"]
temps = []
for r in readings:
    temps.append(float(r))
    print("avg so far: %.2f" % (sum(temps) / len(temps)))
