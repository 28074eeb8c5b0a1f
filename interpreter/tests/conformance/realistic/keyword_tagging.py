docs = {
    "d1": "Quarterly revenue grew while cloud costs fell",
    "d2": "New hiring plan for the cloud platform team",
    "d3": "Office party planning and catering budget",
}
keywords = {"finance": ["revenue", "budget", "costs"], "cloud": ["cloud", "platform"], "people": ["hiring", "team", "party"]}
tags = {}
for doc_id, text in docs.items():
    words = set(text.lower().split())
    tags[doc_id] = sorted(tag for tag, kws in keywords.items() if words & set(kws))
for doc_id, t in tags.items():
    print(doc_id, t)
untagged = [d for d, t in tags.items() if not t]
print("untagged:", untagged)
