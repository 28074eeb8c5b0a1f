for n in [1, 22, 333, -4444]:
    print("[{:>6}] [{:<6}] [{:^6}] [{:=6}]".format(n, n, n, n))
print("[{:06}]".format(-42))
