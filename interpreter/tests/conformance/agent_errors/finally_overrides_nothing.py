def process(batch):
    try:
        print("processing", batch)
        return batch["size"] * 2
    finally:
        print("cleanup for", batch.get("name", "?"))
print(process({"name": "b1", "size": 3}))
print(process({"name": "b2"}))
