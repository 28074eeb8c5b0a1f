tools = {"search": lambda q: ["result for " + q], "limit": 5}
print(tools["search"]("weather"))
print(tools["limit"]("x"))
