thread = ["Customer: app crashes", "Agent: which version?", "Agent: any update?", "Customer: v2.3", "Agent: fixed in 2.4"]
last_customer = max(i for i, m in enumerate(thread) if m.startswith("Customer:"))
agent_after = [m for m in thread[last_customer + 1:] if m.startswith("Agent:")]
print("last customer message index:", last_customer)
print("agent follow-ups since:", len(agent_after))
speakers = [m.split(":")[0] for m in thread]
print("turns:", sum(1 for a, b in zip(speakers, speakers[1:]) if a != b))
