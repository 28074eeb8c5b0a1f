def lookup(user_id):
    print("lookup", user_id)
    return None if user_id % 2 else {"id": user_id}
profiles = map(lookup, [1, 3, 4, 6])
found = next((p for p in profiles if p), None)
print("found:", found)
print("remaining:", [p for p in profiles])
