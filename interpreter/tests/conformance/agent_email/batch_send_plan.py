recipients = ["r%02d@list.com" % i for i in range(1, 12)]
batch_size = 4
batches = [recipients[i:i + batch_size] for i in range(0, len(recipients), batch_size)]
for n, b in enumerate(batches, 1):
    print(f"batch {n}: {len(b)} -> {b[0]} .. {b[-1]}")
print("batches:", len(batches), "last size:", len(batches[-1]))
