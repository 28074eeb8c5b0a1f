steps = ["load", "parse"]
for s in steps:
    print("step", s)
raise RuntimeError("pipeline aborted")
