body = """Hi team,

The numbers look good.
Ship it.

--
Jordan Lee
VP Engineering
Sent from my phone"""
lines = body.split("\n")
if "--" in lines:
    lines = lines[:lines.index("--")]
text = "\n".join(lines).strip()
print(text)
print("===")
print("lines kept:", len(text.splitlines()))
