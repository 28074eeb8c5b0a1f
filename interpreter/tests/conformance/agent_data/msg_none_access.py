response = None
attempts = [
    lambda: response["items"],
    lambda: response.get("items"),
    lambda: len(response),
    lambda: [x for x in response],
    lambda: response + 1,
]
for i, f in enumerate(attempts):
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(i, type(e) is TypeError, e)
