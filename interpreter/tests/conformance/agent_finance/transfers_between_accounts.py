accounts = {"checking": 1200.0, "savings": 5000.0, "brokerage": 0.0}
transfers = [("checking", "savings", 300), ("savings", "brokerage", 2500), ("checking", "brokerage", 2000), ("savings", "vacation", 100)]
for src, dst, amt in transfers:
    if src not in accounts or dst not in accounts:
        print(f"unknown account in {src}->{dst}")
    elif accounts[src] < amt:
        print(f"insufficient funds in {src} for {amt}")
    else:
        accounts[src] -= amt
        accounts[dst] += amt
        print(f"moved {amt} {src}->{dst}")
print(accounts)
