response = {"data": {"items": [{"id": 1, "attrs": {"price": 9.99, "tags": ["sale"]}}, {"id": 2, "attrs": {"price": 24.5}}, {"id": 3}]}, "meta": {"total": 3}}
for item in response["data"]["items"]:
    attrs = item.get("attrs", {})
    price = attrs.get("price")
    tags = attrs.get("tags", [])
    price_s = f"${price:.2f}" if price is not None else "n/a"
    print(item["id"], price_s, tags or "-")
print("total:", response.get("meta", {}).get("total", 0))
print("missing key:", response.get("paging", {}).get("next", "none"))
