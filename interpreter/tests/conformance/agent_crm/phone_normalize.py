phones = ["(555) 010-1234", "555.010.9999", "+1 555 010 4321", "5550105555", "010-12", "+44 20 7946 0958"]
def normalize(p):
    digits = "".join(ch for ch in p if ch.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10:
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return None
for p in phones:
    n = normalize(p)
    print(f"{p:<18} -> {n if n else 'INVALID'}")
