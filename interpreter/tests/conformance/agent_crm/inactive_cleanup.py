contacts = [("ana", 400, True), ("ben", 30, False), ("cy", 800, False), ("dee", 720, False), ("eve", 10, True)]
archive = [n for n, days, paying in contacts if days > 365 and not paying]
keep = [n for n, days, paying in contacts if n not in archive]
print("archive:", archive)
print("keep:", keep)
print("archived share: {:.0%}".format(len(archive) / len(contacts)))
