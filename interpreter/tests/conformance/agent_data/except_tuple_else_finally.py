def parse(v):
    try:
        n = float(v)
    except (TypeError, ValueError) as e:
        print("bad", repr(v), "->", e.args[0][:30])
        return None
    else:
        print("ok", n)
        return n
    finally:
        print("checked", repr(v))
results = [parse(v) for v in ["1.5", None, "abc"]]
print(results)
