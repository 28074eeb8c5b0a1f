raw = """Subject: [URGENT] Payment failed for order #8812
From: Kim Park <kim@shop.io>

Hello, my card was charged but order #8812 shows failed.
Order: 8812
Amount: 59.90"""
head, _, body = raw.partition("\n\n")
headers = dict(line.split(": ", 1) for line in head.splitlines())
urgent = headers["Subject"].startswith("[URGENT]")
fields = {k.strip(): v.strip() for k, _, v in (l.partition(":") for l in body.splitlines() if ":" in l)}
print("from:", headers["From"].split("<")[1].rstrip(">"))
print("urgent:", urgent, "| order:", fields.get("Order"), "| amount:", float(fields.get("Amount", 0)))
