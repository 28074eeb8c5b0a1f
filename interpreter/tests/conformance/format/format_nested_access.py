cfg = {"db": {"host": "localhost", "port": 5432}, "tags": ["a", "b"]}
print("{0[db][host]}:{0[db][port]}".format(cfg))
print("{c[tags][1]}".format(c=cfg))
print("{0[tags]}".format(cfg))
