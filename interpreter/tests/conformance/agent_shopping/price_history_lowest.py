history = {"2024-04-01": 129.99, "2024-04-15": 119.0, "2024-05-01": 134.5, "2024-05-10": 109.99, "2024-05-20": 115.0}
low_date = min(history, key=history.get)
high_date = max(history, key=history.get)
current = history[max(history)]
print(f"lowest {history[low_date]} on {low_date}, highest {history[high_date]} on {high_date}")
print(f"current {current} is {(current - history[low_date]) / history[low_date]:.1%} above the low")
print("buy now" if current <= history[low_date] * 1.05 else "wait")
