# Found by _difftest: repr of characters Python does not print.
for code in [0x10FFFF, 0x7F, 0x85, 0xA0, 0xAD, 0x2028, 0xE000, 0x1F600]:
    print(hex(code), repr(chr(code)))
