payload = "order=42&amount=19.99"
secret = 7
def checksum(text, key):
    total = 0
    for i, ch in enumerate(text):
        total = (total * 31 + ord(ch) * (i + key)) % 1000003
    return "%06x" % total
sig = checksum(payload, secret)
print("signature:", sig)
print("valid:", checksum(payload, secret) == sig)
print("tampered valid:", checksum(payload.replace("19.99", "1.99"), secret) == sig)
