parents = {"Acme EU": "Acme Global", "Acme US": "Acme Global", "Acme DE": "Acme EU", "Zen": None, "Acme Global": None}
revenue = {"Acme EU": 100, "Acme US": 250, "Acme DE": 80, "Zen": 40, "Acme Global": 10}
def root(name):
    chain = [name]
    while parents.get(chain[-1]):
        chain.append(parents[chain[-1]])
    return chain
for acct in sorted(parents):
    print(" <- ".join(root(acct)))
rollup = {}
for acct, rev in revenue.items():
    top = root(acct)[-1]
    rollup[top] = rollup.get(top, 0) + rev
print(rollup)
