phrases = {"hello": {"es": "hola", "fr": "bonjour", "ja": "konnichiwa"}, "thank you": {"es": "gracias", "fr": "merci"}, "where is": {"es": "dónde está"}}
trip_lang = "fr"
for en, langs in phrases.items():
    word = langs.get(trip_lang)
    print(f"{en:<10} -> {word if word else '(missing: ' + ', '.join(sorted(langs)) + ')'}")
coverage = sum(trip_lang in l for l in phrases.values()) / len(phrases)
print(f"{trip_lang} coverage: {coverage:.0%}")
