# The plan a planner writes for: "Summarise today's news for bob@example.com and commit it to project 149"
news = web_search("today's news")
lines = [f"- {r['title']}: {r['snippet']}" for r in news["results"]]
summary = "Today's news\n" + "\n".join(lines)
send_message("bob@example.com", summary)
commit_files("149", "news/today.md", summary)
print(f"sent and committed {len(lines)} items")
