def add_tag(tag, tags=None):
    if tags is None:
        tags = []
    tags.append(tag)
    return tags
print(add_tag("a"), add_tag("b"), add_tag("c", ["x"]))
def accumulate(item, bucket=[]):
    bucket.append(item)
    return len(bucket)
print(accumulate(1), accumulate(2), accumulate(3, []), accumulate(4))
