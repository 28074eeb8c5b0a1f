# Strict mode: a branch on untrusted text cannot pick the recipient either.
news = web_search("today's news")
to = "bob@example.com"
if "attacker" in news["results"][1]["snippet"]:
    to = "carol@example.com"
send_message(to, "news")
