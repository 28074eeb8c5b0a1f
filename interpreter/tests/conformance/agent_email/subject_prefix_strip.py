subjects = ["Re: Budget", "RE: re: Budget", "Fwd: Offsite plan", "FW: Re: Offsite plan", "Hello"]
def clean(subject):
    prefixes = ("re:", "fwd:", "fw:")
    s = subject.strip()
    while True:
        low = s.lower()
        hit = next((p for p in prefixes if low.startswith(p)), None)
        if hit is None:
            return s
        s = s[len(hit):].strip()
threads = {}
for s in subjects:
    threads.setdefault(clean(s), []).append(s)
for topic, items in threads.items():
    print(f"{topic!r}: {len(items)} message(s)")
