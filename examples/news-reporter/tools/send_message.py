"""send_message: appends the message to out/outbox.jsonl beside this tool (the evidence)."""
import json
import os
import sys

request = json.load(sys.stdin)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "out")
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "outbox.jsonl"), "a") as f:
    f.write(json.dumps(request["args"]) + "\n")
print(json.dumps({"result": {"status": "sent", "to": request["args"]["to"]}}))
