total = 42
print("computing message")
msg = "Total: " + total
print(msg)
