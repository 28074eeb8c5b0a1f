values = ["123", "²", "½", "٣", "Ⅷ", "一二三", "１２", "1.5", "-1", "", "⑦", "𝟙", "3²"]
for s in values:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum())
