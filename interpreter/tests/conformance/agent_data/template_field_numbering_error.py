templates = ["{0} owes {1}", "{} owes {}", "{0} owes {}", "{name} owes {0}"]
for t in templates:
    try:
        print(t.format("Ana", 12.5, name="Ben"))
    except (ValueError, IndexError, KeyError) as e:
        print(f"{t!r}: {type(e) is ValueError} {e}")
