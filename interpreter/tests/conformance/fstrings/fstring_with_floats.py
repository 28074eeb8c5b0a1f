vals = [0.1 + 0.2, 1 / 3, 2.0, 1e-7, 1e20]
for v in vals:
    print(f"{v} {v!r} {v:.3f}")
print(f"{0.1 + 0.2 = }" if False else f"{round(0.1 + 0.2, 2)}")
