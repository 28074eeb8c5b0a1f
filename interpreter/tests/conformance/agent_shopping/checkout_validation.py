form = {"name": "Ana Lima", "email": "ana@example", "zip": "9410", "card": "4111 1111 1111 1111", "cvv": "12"}
errors = []
if "@" not in form["email"] or "." not in form["email"].split("@")[-1]:
    errors.append("email: invalid")
if not (form["zip"].isdigit() and len(form["zip"]) == 5):
    errors.append("zip: must be 5 digits")
digits = form["card"].replace(" ", "")
if not digits.isdigit() or len(digits) not in (15, 16):
    errors.append("card: invalid length")
if len(form["cvv"]) not in (3, 4):
    errors.append("cvv: must be 3-4 digits")
print("\n".join(errors) if errors else "ok")
print(len(errors), "error(s)")
