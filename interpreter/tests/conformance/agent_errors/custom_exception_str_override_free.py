class ApprovalRequired(Exception):
    pass
expenses = [("taxi", 45), ("hotel", 620), ("dinner", 90)]
for item, amount in expenses:
    if amount > 500:
        print("needs approval:", item)
        raise ApprovalRequired(item, amount)
    print("auto-approved:", item)
