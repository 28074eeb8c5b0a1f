responses = [("T1", None), ("T2", "09:14"), ("T3", "10:02")]
def check(pair):
    print("checking", pair[0])
    return pair[1] is not None
first = next((tid for tid, r in responses if r is not None), None)
print("first answered:", first)
print(any(map(check, responses)))
