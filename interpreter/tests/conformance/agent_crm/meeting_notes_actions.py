notes = """Discussed renewal pricing.
ACTION: Ana to send revised quote by Friday
Customer wants SSO.
ACTION: Ben to check SSO roadmap
action: Cy to schedule follow-up
Next meeting in two weeks."""
actions = []
for line in notes.splitlines():
    if line.upper().startswith("ACTION:"):
        task = line.split(":", 1)[1].strip()
        owner, _, what = task.partition(" to ")
        actions.append((owner, what))
for i, (owner, what) in enumerate(actions, 1):
    print(f"{i}. [{owner}] {what}")
