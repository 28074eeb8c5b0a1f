email = "  Alice.Smith@Example.COM "
print(f"<{email.strip().lower()}>")
user, _, domain = email.strip().partition("@")
print(f"user={user.split('.')[0]} domain={domain.lower()}")
print(f"{email.count('e')} {email.strip()[:5]!r}")
