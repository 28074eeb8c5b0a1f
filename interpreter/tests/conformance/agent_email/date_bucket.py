emails = [("2024-05-03", "a"), ("2024-05-17", "b"), ("2024-06-01", "c"), ("2023-12-31", "d"), ("2024-06-20", "e")]
by_month = {}
for date, subj in emails:
    year, month, day = date.split("-")
    key = year + "-" + month
    by_month.setdefault(key, []).append(subj)
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
for key in sorted(by_month):
    y, m = key.split("-")
    print("%s %s: %s" % (months[int(m) - 1], y, ",".join(by_month[key])))
