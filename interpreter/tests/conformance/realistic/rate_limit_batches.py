recipients = [f"user{i}@example.com" for i in range(1, 12)]
batch_size = 4
batches = [recipients[i:i + batch_size] for i in range(0, len(recipients), batch_size)]
for n, batch in enumerate(batches, 1):
    print(f"batch {n}: {len(batch)} -> {batch[0]} .. {batch[-1]}")
print("total batches:", len(batches))
print("last batch size:", len(batches[-1]))
