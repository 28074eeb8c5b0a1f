invites = ["ANA@Corp.com", "ben@corp.com ", " cy@partner.io", "ana@corp.com", "Dee@Corp.COM"]
normalized = []
for raw in invites:
    e = raw.strip().lower()
    if e not in normalized:
        normalized.append(e)
internal = [e for e in normalized if e.endswith("@corp.com")]
external = [e for e in normalized if e not in internal]
print("internal:", internal)
print("external:", external)
print("needs guest pass:", bool(external))
