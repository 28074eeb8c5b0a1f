raw = """name,dept,salary
Ana,eng,120000
Raj,eng,135000
Lee,design,98000
Max,sales,87000
Kim,eng,101000"""
lines = raw.splitlines()
header = lines[0].split(",")
records = [dict(zip(header, line.split(","))) for line in lines[1:]]
by_dept = {}
for r in records:
    by_dept.setdefault(r["dept"], []).append(int(r["salary"]))
for dept, pays in by_dept.items():
    print(f"{dept:<7}n={len(pays)} avg={sum(pays) / len(pays):,.0f} max={max(pays):,}")
