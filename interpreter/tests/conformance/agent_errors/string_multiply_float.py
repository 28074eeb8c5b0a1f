bar_len = 7.5
print("half", "#" * int(bar_len))
print("#" * bar_len)
