contacts = ["ana@acme.com", "ben@gmail.com", "cy@acme.com", "dee@zen.io", "eve@sub.acme.com"]
companies = {"acme.com": "Acme Corp", "zen.io": "Zen Labs"}
free_mail = ("gmail.com", "yahoo.com", "outlook.com")
for email in contacts:
    domain = email.split("@")[1]
    company = companies.get(domain) or next((c for d, c in companies.items() if domain.endswith("." + d)), None)
    if domain in free_mail:
        company = "(personal)"
    print(f"{email:<17} {company or 'unknown'}")
