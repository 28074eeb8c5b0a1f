for s in ["12", "1.5", "abc", "", " 7 "]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
try:
    float("nope")
except ValueError as e:
    print(e)
