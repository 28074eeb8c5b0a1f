"""A deterministic stand-in for the quarantined model: it answers the schema it is given
from the text of the query (the first email address for an `email` field, the first number
for a number, the first IBAN for an `iban`, the first words for any other string)."""
import json
import re
import sys

request = json.load(sys.stdin)
query = request["query"]
schema = request["schema"]
defs = schema.get("$defs", {})


def first(pattern, default):
    m = re.search(pattern, query)
    return m.group(0) if m else default


def answer(s, name=""):
    if "$ref" in s:
        s = defs.get(s["$ref"].split("/")[-1], {})
    kind = s.get("type", "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if "enum" in s:
        return s["enum"][0]
    if kind == "object":
        return {k: answer(v, k) for k, v in s.get("properties", {}).items()}
    if kind == "array":
        return [answer(s.get("items", {}), name)]
    if kind == "integer":
        return int(float(first(r"\d+(\.\d+)?", "0")))
    if kind == "number":
        return float(first(r"\d+(\.\d+)?", "0"))
    if kind == "boolean":
        return "urgent" in query.lower()
    if "email" in name or "recipient" in name or name == "to":
        return first(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", "nobody@example.com")
    if "iban" in name:
        return first(r"\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b", "")
    if "path" in name or "file" in name:
        return first(r"[\w./-]+\.(md|txt)|\.\./[\w./]+", "notes.md")
    return " ".join(query.split()[:12])


print(json.dumps({"answer": answer(schema)}))
