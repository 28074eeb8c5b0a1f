wishlist = {"camera": 899.0, "lens": 450.0, "tripod": 120.0}
today = {"camera": 799.0, "lens": 460.0, "tripod": 120.0}
for item, was in wishlist.items():
    now = today[item]
    if now < was:
        print(f"{item}: dropped {was - now:.2f} ({(was - now) / was:.1%})")
    elif now > was:
        print(f"{item}: up {now - was:.2f}")
    else:
        print(f"{item}: unchanged")
