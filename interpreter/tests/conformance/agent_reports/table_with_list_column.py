rows = [("ana", ["admin", "dev"]), ("ben", ["ops"])]
for name, roles in rows:
    try:
        print(f"{name:<5}|{roles:>20}|")
    except TypeError as e:
        print(f"{name:<5}|{str(roles):>20}|  ({e})")
print(f"{'total':<5}|{len(rows):>20}|")
