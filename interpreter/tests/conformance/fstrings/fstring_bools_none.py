flag = True
nothing = None
print(f"{flag} {not flag} {nothing}")
print(f"[{flag:>6}] [{str(nothing):^8}]")
print(f"{flag + flag} {int(flag)}")
print(f"{[True, None]}")
