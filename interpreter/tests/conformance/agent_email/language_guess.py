bodies = {"m1": "Hola, gracias por la reunion", "m2": "Thanks for the meeting", "m3": "Merci pour la reunion", "m4": "ok"}
markers = {"es": ["hola", "gracias", "por"], "en": ["thanks", "the", "for"], "fr": ["merci", "pour", "la"]}
for mid, text in bodies.items():
    words = text.lower().replace(",", "").split()
    scores = {lang: sum(w in words for w in ws) for lang, ws in markers.items()}
    best = max(scores, key=scores.get)
    print(mid, best if scores[best] > 0 else "unknown", scores)
