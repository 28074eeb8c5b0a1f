raw = " Ann@x.com, bob@y.org;ann@x.com ,  CAROL@z.net; bob@Y.org, dave@x.com "
parts = raw.replace(";", ",").split(",")
seen = dict.fromkeys(p.strip().lower() for p in parts if p.strip())
recipients = list(seen)
print(len(recipients), "unique recipients")
for r in recipients:
    print(" -", r)
print("To:", "; ".join(recipients[:2]), "+%d more" % (len(recipients) - 2))
