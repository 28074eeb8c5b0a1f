readings = [-5, 0, 12, 37, 38, 41, 100]
for r in readings:
    if r < 0:
        band = "invalid"
    elif 0 <= r < 35:
        band = "low"
    elif 35 <= r <= 38:
        band = "normal"
    elif 38 < r < 42:
        band = "fever"
    else:
        band = "error"
    print(r, band, 0 < r < 50 != r)
