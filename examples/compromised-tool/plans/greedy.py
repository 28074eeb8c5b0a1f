for line in fetch_notes("Monday", True):
    print(line)
