def make_tagger():
    count = 0
    def tag(subject):
        nonlocal count
        count += 1
        return "[%03d] %s" % (count, subject)
    def total():
        return count
    return tag, total
tag, total = make_tagger()
for s in ["alpha", "beta", "gamma"]:
    print(tag(s))
print("tagged", total())
