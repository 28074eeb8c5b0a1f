responses = [10, 9, 8, 6, 10, 3, 7, 9, 10, 5, 9, 8]
promoters = sum(1 for r in responses if r >= 9)
detractors = sum(1 for r in responses if r <= 6)
passives = len(responses) - promoters - detractors
nps = round(100 * (promoters - detractors) / len(responses))
print("promoters %d, passives %d, detractors %d" % (promoters, passives, detractors))
print("NPS = %+d" % nps)
print("verdict:", "good" if nps > 30 else "needs work" if nps > 0 else "bad")
