text = 'name,city,notes\n"Smith, John",Boston,"said ""hi"""\nAnn,Paris,\n"Lee",Seoul,"multi, comma, field"'
def parse_line(line):
    fields, cur, quoted, i = [], "", False, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"' and i + 1 < len(line) and line[i + 1] == '"':
                cur += '"'
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cur += ch
        elif ch == '"':
            quoted = True
        elif ch == ",":
            fields.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    return fields + [cur]
rows = [parse_line(l) for l in text.splitlines()]
header = rows[0]
for r in rows[1:]:
    print(dict(zip(header, r)))
