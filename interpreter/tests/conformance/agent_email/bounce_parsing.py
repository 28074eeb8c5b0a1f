bounces = [
    "550 5.1.1 <ghost@x.com>: Recipient address rejected",
    "452 4.2.2 <full@y.com>: Mailbox full",
    "550 5.7.1 <spam@z.com>: Message rejected as spam",
]
hard, soft = [], []
for b in bounces:
    code, status, rest = b.split(" ", 2)
    addr = rest[rest.find("<") + 1:rest.find(">")]
    reason = rest.split(": ", 1)[1]
    (hard if code.startswith("5") else soft).append((addr, reason))
print("hard:", hard)
print("soft:", soft)
