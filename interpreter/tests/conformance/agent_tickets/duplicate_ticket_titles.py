titles = ["Login fails", "login fails!", "Export broken", "Login  fails", "Dark mode", "export broken"]
def norm(t):
    return " ".join(t.lower().strip("!?. ").split())
groups = {}
for i, t in enumerate(titles):
    groups.setdefault(norm(t), []).append(i)
for key, idxs in groups.items():
    if len(idxs) > 1:
        print(f"{key!r}: tickets {idxs} -> keep {idxs[0]}, close {idxs[1:]}")
