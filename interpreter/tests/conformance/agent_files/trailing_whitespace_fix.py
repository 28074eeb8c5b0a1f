lines = ["def f():   ", "\treturn 1\t", "", "x = 2  ", "# done"]
fixed = [l.rstrip() for l in lines]
changed = sum(1 for a, b in zip(lines, fixed) if a != b)
print(changed, "lines fixed")
print([l.expandtabs(4) for l in fixed])
print(repr("\n".join(fixed)))
