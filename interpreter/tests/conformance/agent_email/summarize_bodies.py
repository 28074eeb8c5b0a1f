emails = [
    {"subject": "Status", "body": "The migration finished overnight without errors and all services are green."},
    {"subject": "Hi", "body": "Short one."},
    {"subject": "Reminder", "body": "Please submit your timesheets by Friday at noon so payroll can run."},
]
def preview(text, limit=30):
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "..."
for e in emails:
    words = len(e["body"].split())
    print("{:<10}|{:>3} words| {}".format(e["subject"], words, preview(e["body"])))
