for line in fetch_notes("Monday", False):
    print(line)
