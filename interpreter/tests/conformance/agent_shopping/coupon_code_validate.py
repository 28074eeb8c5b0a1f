codes = ["SAVE10", "save-20", "FREESHIP", "X", "HOLIDAY2024", "bad code"]
def valid(code):
    c = code.upper().replace("-", "")
    return 4 <= len(c) <= 12 and c.isalnum() and " " not in code
for code in codes:
    norm = code.upper().replace("-", "")
    print(f"{code!r:<14} {'valid' if valid(code) else 'invalid':<8} -> {norm if valid(code) else '-'}")
