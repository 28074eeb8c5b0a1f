response = {
    "data": {
        "user": {"id": 42, "name": "Dana", "roles": ["admin", "editor"]},
        "repos": [
            {"name": "api", "stars": 120, "private": False},
            {"name": "infra", "stars": 8, "private": True},
            {"name": "web", "stars": 64, "private": False},
        ],
    },
    "meta": {"page": 1},
}
user = response["data"]["user"]
public = [r for r in response["data"]["repos"] if not r["private"]]
print(f"{user['name']} (#{user['id']}) roles: {', '.join(user['roles'])}")
print("Public stars:", sum(r["stars"] for r in public))
print("Next page:", response["meta"].get("next", "none"))
