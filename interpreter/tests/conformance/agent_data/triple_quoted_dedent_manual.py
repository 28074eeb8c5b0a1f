text = """
    Dear team,
      The launch is on Friday.
    Thanks,
    Ops
"""
lines = text.strip("\n").split("\n")
indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
print("\n".join(l[indent:] for l in lines))
print("indent was", indent)
