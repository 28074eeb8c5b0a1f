events = [("Late call", 22.5, 1.0), ("Night deploy", 23.0, 2.5), ("Breakfast", 7.0, 0.75), ("Red-eye", 21.0, 6.0)]
for title, start, dur in events:
    end = start + dur
    crosses = end >= 24
    end_h = end % 24
    h, frac = int(end_h), end_h - int(end_h)
    print(f"{title:<13}ends {h:02d}:{round(frac * 60):02d}{' next day' if crosses else ''}")
