vals = [0, 0.0, False, None, "", [], {}, "0"]
for v in vals:
    print(repr(v), v == 0, v is None, not v, v == False)
print(1 == 1.0, 1 is not None, [] == [], None == None, "1" == 1)
