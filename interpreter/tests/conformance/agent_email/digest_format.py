items = [("Security update", 3), ("Lunch & learn", 12), ("Quarterly numbers", 1)]
print("{:=^30}".format(" Daily digest "))
for title, replies in items:
    print("{:<22}{:>5} {}".format(title, replies, "reply" if replies == 1 else "replies"))
print("{:-^30}".format(""))
print("{} threads, {} replies".format(len(items), sum(r for _, r in items)))
