staff = [
    ("Lopez", "Maria", "Engineering", "x4411"),
    ("chen", "wei", "design", "x4410"),
    ("O'Brien", "Sean", "engineering", "x4001"),
    ("adams", "Zoe", "Sales", "x4100"),
]
by_dept = {}
for last, first, dept, ext in staff:
    by_dept.setdefault(dept.capitalize(), []).append((last.capitalize() if last.islower() else last, first.capitalize(), ext))
for dept in sorted(by_dept):
    print(dept)
    for last, first, ext in sorted(by_dept[dept]):
        print(f"  {last + ', ' + first:<16}{ext}")
