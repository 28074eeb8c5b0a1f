prices = [101.2, 102.5, 99.8, 100.4, 103.9, 105.1, 104.2]
window = 3
for i in range(window - 1, len(prices)):
    chunk = prices[i - window + 1:i + 1]
    avg = sum(chunk) / window
    trend = "up" if prices[i] > avg else "down"
    print("day %d: price %.1f ma %.2f %s" % (i + 1, prices[i], avg, trend))
