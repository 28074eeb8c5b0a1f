ticket = {"status": "open", "tags": ["billing"], "assignee": None, "priority": "normal"}
macro = [("set", "status", "pending"), ("add_tag", "tags", "waiting-customer"), ("set", "assignee", "ana"), ("add_tag", "tags", "billing")]
for action, field, value in macro:
    if action == "set":
        ticket[field] = value
    elif action == "add_tag" and value not in ticket[field]:
        ticket[field].append(value)
for k in sorted(ticket):
    print(f"{k:<9}= {ticket[k]}")
