a, b = 7, 3
print(f"{a + b} {a * b} {a / b} {a // b} {a % b}")
print(f"{a > b} {a == b} {not a}")
print(f"{[a, b]} {(a, b)} {{'k': a}}")
print(f"{'yes' if a > b else 'no'}")
print(f"{len('hello')} {max(a, b)} {str(a) * 2}")
