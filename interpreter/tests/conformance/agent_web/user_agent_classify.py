agents = [
    "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148 Safari/604.1",
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
    "curl/8.4.0",
    "Mozilla/5.0 (Macintosh) Firefox/121.0",
]
def classify(ua):
    low = ua.lower()
    if "bot" in low:
        return "bot"
    if low.startswith("curl"):
        return "cli"
    if "mobile" in low or "iphone" in low:
        return "mobile"
    return "desktop"
counts = {}
for ua in agents:
    counts[classify(ua)] = counts.get(classify(ua), 0) + 1
print(counts)
