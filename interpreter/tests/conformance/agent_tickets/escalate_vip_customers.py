vip = {"acme.com", "zen.io"}
tickets = [("T1", "bob@acme.com", "normal"), ("T2", "eve@gmail.com", "high"), ("T3", "li@zen.io", "low"), ("T4", "max@acme.com.evil", "normal")]
for tid, email, prio in tickets:
    domain = email.rpartition("@")[2]
    is_vip = domain in vip
    new_prio = "high" if is_vip and prio != "high" else prio
    change = f"{prio} -> {new_prio}" if new_prio != prio else prio
    print(f"{tid} {domain:<15} vip={is_vip!s:<5} {change}")
