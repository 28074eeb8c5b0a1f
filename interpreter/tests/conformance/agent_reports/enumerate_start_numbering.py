findings = ["Unpatched server", "Weak password policy", "No MFA on admin", "Open S3 bucket"]
severity = ["high", "medium", "critical", "high"]
for i, (f, s) in enumerate(zip(findings, severity), start=101):
    print(f"F-{i}: [{s.upper():^8}] {f}")
crit = [f"F-{i}" for i, s in enumerate(severity, 101) if s in ("critical", "high")]
print("must fix:", ", ".join(crit))
