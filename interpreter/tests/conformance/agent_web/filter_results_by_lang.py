results = [("Guide", "en"), ("Guía", "es"), ("Handbuch", "de"), ("Manual", "en"), ("Guide FR", "fr")]
preferred = ["en", "es"]
picked = list(filter(lambda r: r[1] in preferred, results))
rest = [r for r in results if r not in picked]
print("picked:", [t for t, _ in picked])
print("others:", ", ".join("%s(%s)" % r for r in rest))
