emails = [
    {"from": "ann@corp.com", "subject": "Invoice 1042 overdue", "body": "Please pay $1,250.00"},
    {"from": "bob@mail.com", "subject": "Lunch?", "body": "Tacos at noon"},
    {"from": "cfo@corp.com", "subject": "Invoice 1043", "body": "Amount due: $980.50"},
]
if (n := len(emails)) > 2:
    print(f"{n} emails")
invoices = [e for e in emails if (subj := e["subject"].lower()).startswith("invoice")]
print([e["from"] for e in invoices], subj)
amounts = [float(a) for e in invoices
           if (a := e["body"].split("$")[-1].replace(",", ""))]
print(amounts, a)
def first_word(texts):
    out = []
    for t in texts:
        if (words := t.split()) and (w := words[0]).istitle():
            out.append(w)
    return out, w
print(first_word(["Hello there", "no caps", "Yes sir"]))
