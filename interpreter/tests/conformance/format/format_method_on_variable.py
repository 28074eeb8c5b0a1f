greeting = "Dear {title} {name},"
print(greeting.format(title="Dr.", name="Who"))
line = "{} items at ${:.2f} = ${:.2f}"
print(line.format(3, 1.25, 3 * 1.25))
print(line.format(10, 0.1, 10 * 0.1))
