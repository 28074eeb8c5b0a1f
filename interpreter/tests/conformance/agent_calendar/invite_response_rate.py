invites = [("ana", True), ("ben", None), ("cy", False), ("dee", True), ("eve", None), ("fay", True)]
yes = [n for n, r in invites if r is True]
no = [n for n, r in invites if r is False]
pending = [n for n, r in invites if r is None]
print("yes %d, no %d, pending %d" % (len(yes), len(no), len(pending)))
print("chase:", ", ".join(pending) or "nobody")
rate = (len(yes) + len(no)) / len(invites)
print(f"response rate {rate:.0%}")
