#!/usr/bin/env python3
"""Seeds each target's corpus (fuzz/corpus/TARGET/) from the project's tests and examples.

Run by `make fuzz` before the targets; idempotent (a seed is named by its content's hash).
The conformance programs are not copied: `make fuzz` hands their directory to the parser
and run targets as a second, read-only corpus. Record seeds are in fuzz/seeds/record/
(written by the CLI: fuzz/README.md says how).
"""
import glob
import hashlib
import json
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "seed-" + hashlib.sha1(data).hexdigest()[:16])
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)


def cases(pattern):
    """Every mapping in the YAML test files matching `pattern` (lists or `cases:` lists)."""
    for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        with open(path) as f:
            doc = yaml.safe_load(f)
        items = doc.get("cases", []) if isinstance(doc, dict) else doc or []
        yield from (c for c in items if isinstance(c, dict))


def read(path):
    with open(os.path.join(ROOT, path)) as f:
        return f.read()


def agent_seeds():
    for path in glob.glob(os.path.join(ROOT, "examples/*/agent.yaml")) + [
        os.path.join(ROOT, "tests/labels/agent/agent.yaml")
    ]:
        put("agent_config", read(path))
    for case in cases("agent-config/tests/cases/*.yaml"):
        if isinstance(case.get("agent"), str):
            put("agent_config", case["agent"])


# Input documents as the engine builds them (docs/policy.md), for policies seeded without one.
DEFAULT_INPUTS = [
    {"tool": "send_message", "call": {"index": 1, "id": "c1"},
     "args": {"to": {"value": "bob@example.com", "trusted": False, "sources": ["web_search"]},
              "content": {"value": "hi", "trusted": True}}},
    {"tool": "web_search", "args": {"query": {"value": "news", "trusted": True}}},
]


def policy_seeds():
    inputs = list(DEFAULT_INPUTS)
    policies = []
    for case in cases("policy/tests/cases/*.yaml"):
        if "input" in case:
            inputs.append(case["input"])
        for policy in case.get("policies", []) or []:
            if isinstance(policy, dict) and isinstance(policy.get("text"), str):
                policies.append((policy.get("path", "p.yaml"), policy["text"]))
    for path in glob.glob(os.path.join(ROOT, "examples/policies/*")) + [
        os.path.join(ROOT, "tests/labels/agent/policy.yaml")
    ]:
        if re.search(r"\.(rego|ya?ml)$", path) and "_test" not in path:
            policies.append((path, read(path)))
    for i, (path, text) in enumerate(policies):
        kind = "r" if path.endswith(".rego") else "y"
        document = inputs[i % len(inputs)]
        put("policy", kind + text + "\0" + json.dumps(document))
    for document in inputs:
        put("policy", "y\0" + json.dumps(document))


def tool_response_seeds():
    docs = read("docs/tools.md")
    for block in re.findall(r"```json\n(.*?)```", docs, re.S):
        put("tool_response", block)
    put("tool_response", json.dumps({
        "result": {"items": [{"from": "alice", "body": "x"}, [1, 2.5, None, True]]},
        "labels": [{"path": ["items", 0, "body"], "inner": "alice", "readers": ["alice"]},
                   {"path": ["items", 1], "readers": "public"}]}))


def main():
    agent_seeds()
    policy_seeds()
    tool_response_seeds()
    for target in ("check", "run", "record"):
        os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
