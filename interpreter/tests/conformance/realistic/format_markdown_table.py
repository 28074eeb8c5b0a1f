rows = [
    {"name": "build", "status": "passed", "secs": 91.2},
    {"name": "unit tests", "status": "failed", "secs": 302.75},
    {"name": "lint", "status": "passed", "secs": 12.0},
]
headers = ["name", "status", "secs"]
print("| " + " | ".join(headers) + " |")
print("|" + "|".join("---" for _ in headers) + "|")
for r in rows:
    print(f"| {r['name']} | {r['status']} | {r['secs']:.1f} |")
failed = [r["name"] for r in rows if r["status"] != "passed"]
print(f"\n{len(failed)} of {len(rows)} jobs failed: {', '.join(failed)}")
