def attempt(v):
    try:
        r = 10 // v
    except ZeroDivisionError:
        print("  except")
        r = None
    else:
        print("  else", r)
    finally:
        print("  finally")
    return r
print(attempt(2))
print(attempt(0))
