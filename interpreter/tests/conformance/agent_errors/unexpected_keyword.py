def book(flight, seat="any"):
    return f"{flight} seat {seat}"
print(book("UA1", seat="12A"))
print(book("UA2", meal="veg"))
