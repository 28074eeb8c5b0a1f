files = {"a.bin": "hello", "b.bin": "world", "c.bin": "hello!"}
expected = {"a.bin": 532, "b.bin": 552, "c.bin": 999}
def simple_sum(s):
    return sum(ord(c) for c in s)
for name, content in files.items():
    got = simple_sum(content)
    ok = got == expected[name]
    print("%s %s (got %d, want %d)" % ("OK  " if ok else "FAIL", name, got, expected[name]))
bad = [n for n in files if simple_sum(files[n]) != expected[n]]
print("corrupt:", bad)
