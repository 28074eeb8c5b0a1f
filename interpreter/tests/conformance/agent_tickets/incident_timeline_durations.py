events = [("10:02", "alert fired"), ("10:09", "acknowledged"), ("10:31", "mitigated"), ("11:45", "resolved"), ("12:10", "postmortem started")]
def mins(t):
    h, m = map(int, t.split(":"))
    return h * 60 + m
start = mins(events[0][0])
for t, what in events:
    print(f"T+{mins(t) - start:>3}m {what}")
tta = mins(events[1][0]) - start
ttm = mins(events[2][0]) - start
print(f"time to acknowledge {tta}m, to mitigate {ttm}m, to resolve {mins(events[3][0]) - start}m")
