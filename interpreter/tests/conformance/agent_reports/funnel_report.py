funnel = [("visited", 12000), ("signed up", 1850), ("activated", 920), ("paid", 210)]
top = funnel[0][1]
prev = top
for stage, n in funnel:
    print("{:<10}{:>7,}  {:>6.1%} of top  {:>6.1%} step".format(stage, n, n / top, n / prev))
    prev = n
worst = min(zip(funnel, funnel[1:]), key=lambda p: p[1][1] / p[0][1])
print("biggest drop:", worst[0][0], "->", worst[1][0])
