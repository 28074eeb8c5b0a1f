log = "\n".join("line %02d: %s" % (i, "ok" if i % 4 else "WARN") for i in range(1, 21))
lines = log.splitlines()
print("head:", lines[:3])
print("tail:", lines[-3:])
warns = [l for l in lines if l.endswith("WARN")]
print("warn count:", len(warns), "last warn:", warns[-1] if warns else None)
print("every 5th:", [l[:7] for l in lines[4::5]])
