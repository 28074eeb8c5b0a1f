try:
    print("trying")
    {}["missing"]
except KeyError:
    print("handled, re-raising")
    raise
