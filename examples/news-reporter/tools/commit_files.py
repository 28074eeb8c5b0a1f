"""commit_files: writes the file under out/projects/<project_id>/ beside this tool."""
import json
import os
import sys

request = json.load(sys.stdin)
args = request["args"]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "out", "projects", str(args["project_id"]))
os.makedirs(out, exist_ok=True)
name = os.path.basename(args["file_path"])
with open(os.path.join(out, name), "w") as f:
    f.write(args["content"])
print(json.dumps({"result": {"status": "committed", "project": args["project_id"], "file": name}}))
