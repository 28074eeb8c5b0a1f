entries = [3200, -1400, -62.5, -12, 500, -230.75, -0.99, 15]
inflow = [e for e in entries if e > 0]
outflow = [e for e in entries if e < 0]
print("in :", len(inflow), sum(inflow))
print("out:", len(outflow), round(sum(outflow), 2))
print("big outflows:", sorted((abs(e) for e in outflow if e < -100), reverse=True))
print("abs total: %.2f" % sum(map(abs, entries)))
print("ratio: %.3f" % (sum(inflow) / -sum(outflow)))
