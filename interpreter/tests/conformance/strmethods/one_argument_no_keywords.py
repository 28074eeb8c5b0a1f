# str methods of one positional argument take no keywords.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
line = 'name: Ana Lima: admin'
attempt("partition kw", lambda: line.partition(maxsplit=1))
attempt("rpartition kw", lambda: line.rpartition(sep=':'))
attempt("zfill kw", lambda: '5'.zfill(width=3))
attempt("removeprefix kw", lambda: 'ab'.removeprefix(prefix='a'))
attempt("removesuffix kw", lambda: 'ab'.removesuffix(suffix='b'))
attempt("partition ok", lambda: line.partition(': '))
attempt("partition none", lambda: line.partition())
attempt("join kw", lambda: ",".join(iterable=["a"]))
attempt("translate kw", lambda: "ab".translate(table={}))
