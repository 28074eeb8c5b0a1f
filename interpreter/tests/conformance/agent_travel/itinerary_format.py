legs = [("SFO", "ORD", "2024-06-01 08:00", "2024-06-01 14:05"), ("ORD", "LHR", "2024-06-01 17:30", "2024-06-02 07:10"), ("LHR", "ATH", "2024-06-02 09:45", "2024-06-02 15:30")]
for i, (a, b, dep, arr) in enumerate(legs, 1):
    dd, dt = dep.split()
    ad, at = arr.split()
    overnight = " (+1)" if ad > dd else ""
    print(f"Leg {i}: {a} {dt} -> {b} {at}{overnight}")
print("route:", " - ".join([legs[0][0]] + [l[1] for l in legs]))
