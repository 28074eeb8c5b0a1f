response = {"status": 200, "data": None}
print("status", response["status"])
items = response["data"]["items"]
print(items)
