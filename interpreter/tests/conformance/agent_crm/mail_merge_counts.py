contacts = [("Ana", "en"), ("Ben", "es"), ("Cy", "en"), ("Dee", "fr"), ("Eve", "es"), ("Fay", "de")]
templates = {"en": "Hello %s!", "es": "¡Hola %s!", "fr": "Bonjour %s !"}
sent = {}
for name, lang in contacts:
    tmpl = templates.get(lang, templates["en"])
    msg = tmpl % name
    sent[lang if lang in templates else "en*"] = sent.get(lang if lang in templates else "en*", 0) + 1
    print(msg)
print(sent)
