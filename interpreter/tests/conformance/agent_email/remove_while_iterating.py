inbox = ["spam: win", "spam: prize", "hello", "spam: deal", "meeting"]
for msg in inbox:
    if msg.startswith("spam"):
        inbox.remove(msg)
print("naive cleanup left:", inbox)
inbox = ["spam: win", "spam: prize", "hello", "spam: deal", "meeting"]
inbox = [m for m in inbox if not m.startswith("spam")]
print("comprehension cleanup:", inbox)
queue = ["a", "b"]
for item in queue:
    if len(queue) < 5:
        queue.append(item + "+")
print(queue)
