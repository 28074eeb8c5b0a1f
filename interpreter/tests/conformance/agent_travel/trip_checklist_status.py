tasks = {"passport": True, "visa": False, "insurance": True, "hotel": True, "pet sitter": False, "currency": None}
done = [t for t, v in tasks.items() if v]
todo = [t for t, v in tasks.items() if v is False]
unknown = [t for t, v in tasks.items() if v is None]
print(f"{len(done)}/{len(tasks)} done")
print("todo:", ", ".join(todo))
print("unknown:", unknown)
print("ready" if not todo and not unknown else "not ready")
