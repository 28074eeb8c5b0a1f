template = "Dear {{name}},\nYour order {{order}} ships on {{date}}.\n{{missing}}\nThanks!"
values = {"name": "Ana", "order": "#1042", "date": "2024-05-07"}
out = template
unresolved = []
while "{{" in out:
    start = out.index("{{")
    end = out.index("}}", start)
    key = out[start + 2:end]
    if key not in values:
        unresolved.append(key)
    out = out[:start] + values.get(key, "<" + key.upper() + ">") + out[end + 2:]
print(out)
print("unresolved:", unresolved)
