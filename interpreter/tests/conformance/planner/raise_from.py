class ParseError(ValueError):
    pass

def parse_amount(text):
    try:
        return float(text.replace("$", "").replace(",", ""))
    except ValueError as e:
        raise ParseError(f"bad amount: {text}") from e

total = 0.0
for raw in ["$1,200.50", "12", "n/a", "$3"]:
    try:
        total += parse_amount(raw)
    except ParseError as e:
        print("skipped:", e)
    except ValueError:
        print("never")
print(round(total, 2))
try:
    raise KeyError("k") from None
except LookupError as e:
    print(type(e).__name__, e)
