config = {"retries": 0, "timeout": None, "name": "", "tags": [], "debug": False}
for key, value in config.items():
    fallback = value or "DEFAULT"
    explicit = value if value is not None else "DEFAULT"
    print(f"{key:<8} or->{fallback!r:<10} is-None->{explicit!r}")
