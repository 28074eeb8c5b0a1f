ics = """BEGIN:VEVENT
SUMMARY:Quarterly planning
DTSTART:20240610T140000
DTEND:20240610T153000
LOCATION:Room 4B
ATTENDEE:mailto:ana@x.com
ATTENDEE:mailto:ben@x.com
END:VEVENT"""
event = {}
attendees = []
for line in ics.splitlines():
    key, _, value = line.partition(":")
    if key == "ATTENDEE":
        attendees.append(value.replace("mailto:", ""))
    elif key not in ("BEGIN", "END"):
        event[key] = value
start = event["DTSTART"]
print("%s on %s-%s-%s at %s:%s" % (event["SUMMARY"], start[:4], start[4:6], start[6:8], start[9:11], start[11:13]))
print("where:", event.get("LOCATION", "TBD"), "| who:", attendees)
