def compose(to, subject, *paragraphs, sign="Best", **headers):
    lines = ["To: " + to, "Subject: " + subject]
    for k in sorted(headers):
        lines.append("%s: %s" % (k.replace("_", "-").title(), headers[k]))
    lines.append("")
    lines.extend(paragraphs)
    lines.append(sign + ",")
    return "\n".join(lines)
print(compose("ops@x.com", "Deploy", "Deploy at 5pm.", "Rollback plan ready.", x_priority=1, reply_to="me@x.com"))
print("---")
print(compose("a@b.c", "Hi", sign="Cheers"))
