groups = {"team": ["ana", "ben", "cho"], "leads": ["ben", "dee"], "all": ["@team", "@leads", "eve"]}
def expand(name, depth=0):
    if depth > 5:
        return []
    if name.startswith("@"):
        out = []
        for member in groups[name[1:]]:
            out.extend(expand(member, depth + 1))
        return out
    return [name]
members = expand("@all")
print("raw:", members)
unique = sorted(set(members))
print("unique:", unique, len(unique))
