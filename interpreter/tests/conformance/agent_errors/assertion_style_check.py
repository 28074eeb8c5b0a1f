class ValidationError(Exception):
    pass
def validate(event):
    if event["end"] <= event["start"]:
        raise ValidationError("event %s ends before it starts" % event["title"])
    return True
events = [{"title": "A", "start": 9, "end": 10}, {"title": "B", "start": 14, "end": 13}]
for e in events:
    print(e["title"], validate(e))
