def shift(text, k):
    out = []
    for ch in text:
        if ch.isalpha() and ch.isascii():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
secret = shift("Meet at Dock 9, Zone B!", 3)
print(secret)
print(shift(secret, -3))
print([ord(c) for c in "AZaz"], chr(97 + 25))
