user = {"name": "Grace", "role": "admin", "logins": 42}
msg = (
    f"User: {user['name']}\n"
    f"Role: {user['role'].title()}\n"
    f"Logins: {user['logins']:,}"
)
print(msg)
print(f"""triple {user['name']}
second line {len(user)}""")
