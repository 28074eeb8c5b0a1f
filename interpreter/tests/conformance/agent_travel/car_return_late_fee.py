rentals = [("R1", "10:00", "10:20"), ("R2", "09:00", "11:45"), ("R3", "18:00", "17:30"), ("R4", "12:00", "13:01")]
def m(t):
    h, mm = t.split(":")
    return int(h) * 60 + int(mm)
grace = 29
for rid, due, returned in rentals:
    late = m(returned) - m(due)
    if late <= grace:
        fee = 0
    else:
        hours = -(-late // 60)
        fee = min(hours * 15, 60)
    print(f"{rid}: {max(late, 0):>3} min late, fee ${fee}")
