# A plan of about 50 statements, as a planner model writes one: gather emails
# and search results (literal data standing in for tool results), filter,
# sort, group, count words and format a summary with f-strings.
emails = [
    {"id": 1, "sender": "alice@example.com", "subject": "Quarterly budget review", "body": "Please review the attached budget before Friday. The budget is tight this quarter.", "unread": True, "priority": 2, "size": 5120},
    {"id": 2, "sender": "bob@vendor.io", "subject": "Invoice 4471 overdue", "body": "Your invoice is overdue. Please pay the invoice at your earliest convenience.", "unread": True, "priority": 3, "size": 2048},
    {"id": 3, "sender": "alice@example.com", "subject": "Re: offsite agenda", "body": "Agenda attached. We will cover hiring, budget and the roadmap.", "unread": False, "priority": 1, "size": 3072},
    {"id": 4, "sender": "carol@example.com", "subject": "Lunch on Thursday?", "body": "Are you free for lunch on Thursday? The new place downtown is good.", "unread": True, "priority": 1, "size": 1024},
    {"id": 5, "sender": "dave@partner.org", "subject": "Contract draft v3", "body": "Here is the third draft of the contract. Legal approved the indemnity clause.", "unread": False, "priority": 3, "size": 40960},
    {"id": 6, "sender": "bob@vendor.io", "subject": "Price update", "body": "Prices will change next month. The update applies to all plans.", "unread": True, "priority": 2, "size": 2560},
    {"id": 7, "sender": "erin@example.com", "subject": "Roadmap feedback", "body": "I left comments on the roadmap. The hiring plan needs a budget line.", "unread": True, "priority": 2, "size": 4096},
    {"id": 8, "sender": "carol@example.com", "subject": "Re: Lunch on Thursday?", "body": "Great, see you at noon. I will book a table.", "unread": False, "priority": 1, "size": 900},
    {"id": 9, "sender": "alice@example.com", "subject": "Budget approved", "body": "The budget was approved by finance. Thanks everyone for the review.", "unread": True, "priority": 3, "size": 1800},
    {"id": 10, "sender": "frank@news.example", "subject": "Weekly digest", "body": "Top stories this week: budget season, hiring freeze rumours and a new roadmap tool.", "unread": True, "priority": 0, "size": 12000},
]
results = [
    {"title": "Budget planning template", "url": "https://docs.example.com/budget", "score": 0.91},
    {"title": "How to write a roadmap", "url": "https://blog.example.org/roadmap", "score": 0.78},
    {"title": "Invoice best practices", "url": "https://vendor.io/help/invoices", "score": 0.64},
    {"title": "Hiring plan checklist", "url": "https://docs.example.com/hiring", "score": 0.83},
    {"title": "Team lunch ideas", "url": "https://food.example.net/lunch", "score": 0.22},
]
stopwords = {"the", "a", "is", "at", "on", "of", "and", "to", "for", "you", "your", "i", "we", "will", "this", "are", "by", "all", "here", "see"}
unread = [e for e in emails if e["unread"]]
urgent = sorted([e for e in unread if e["priority"] >= 2], key=lambda e: (-e["priority"], e["id"]))
by_sender = {}
for e in emails:
    by_sender.setdefault(e["sender"], []).append(e["id"])
counts = {}
for e in emails:
    for raw in (e["subject"] + " " + e["body"]).lower().split():
        word = raw.strip(".,?:!")
        if word and word not in stopwords:
            counts[word] = counts.get(word, 0) + 1
top_words = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
domains = sorted(set(e["sender"].split("@")[1] for e in emails))
total_kb = sum(e["size"] for e in emails) / 1024
good_results = sorted([r for r in results if r["score"] >= 0.6], key=lambda r: r["score"], reverse=True)
lines = []
lines.append(f"Inbox: {len(emails)} emails, {len(unread)} unread, {total_kb:.1f} KiB")
lines.append(f"Urgent ({len(urgent)}):")
for e in urgent:
    lines.append(f"  [{e['priority']}] #{e['id']:>3} {e['subject'][:24]:<24} from {e['sender']}")
lines.append("By sender:")
for sender, ids in sorted(by_sender.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    name = sender.split("@")[0].capitalize()
    lines.append(f"  {name:<6} {len(ids)} email{'s' if len(ids) != 1 else ''}: {', '.join(str(i) for i in ids)}")
lines.append("Top words: " + ", ".join(f"{w}={n}" for w, n in top_words))
lines.append("Domains: " + " | ".join(domains))
lines.append("Related reading:")
for rank, r in enumerate(good_results, start=1):
    lines.append(f"  {rank}. {r['title']} ({r['score']:.0%}) <{r['url']}>")
mentions = {w: [e["id"] for e in emails if w in e["body"].lower()] for w in ["budget", "roadmap", "hiring"]}
lines.append("Mentions: " + "; ".join(f"{k}: {v}" for k, v in mentions.items()))
reply_to = [e["sender"] for e in urgent if not e["sender"].endswith("vendor.io")]
draft = f"Hi {', '.join(sorted(set(s.split('@')[0] for s in reply_to)))}, I'll get back to you today."
lines.append(f"Draft: {draft}")
summary = "\n".join(lines)
checksum = 0
for ch in summary:
    checksum = (checksum * 31 + ord(ch)) % 1000000007
print(summary)
print(f"checksum {checksum} lines {len(lines)} chars {len(summary)}")
