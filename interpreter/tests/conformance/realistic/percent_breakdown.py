votes = {"yes": 412, "no": 233, "abstain": 55}
total = sum(votes.values())
for option, n in sorted(votes.items(), key=lambda kv: -kv[1]):
    share = n / total
    bar = "#" * round(share * 20)
    print(f"{option:<8}{n:>5} {share:>6.1%} {bar}")
winner = max(votes, key=votes.get)
print(f"Winner: {winner} with a margin of {votes[winner] - votes['no'] if winner != 'no' else 0} votes")
