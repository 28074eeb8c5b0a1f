data = "Hello, Bactrian!\n\t"
for off in range(0, len(data), 8):
    chunk = data[off:off + 8]
    hexes = " ".join("%02x" % ord(c) for c in chunk)
    text = "".join(c if 32 <= ord(c) < 127 else "." for c in chunk)
    print("%04x  %-23s  %s" % (off, hexes, text))
