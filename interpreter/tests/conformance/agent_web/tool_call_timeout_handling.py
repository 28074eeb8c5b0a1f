def fetch(url, attempt):
    if "slow" in url and attempt < 2:
        raise TimeoutError(f"{url} timed out after 30s")
    if "down" in url:
        raise ConnectionError(f"{url} refused connection")
    return f"<html>{url}</html>"
for url in ["https://ok.com", "https://slow.com", "https://down.com"]:
    for attempt in range(3):
        try:
            page = fetch(url, attempt)
            print("fetched", url, "on attempt", attempt + 1, len(page))
            break
        except TimeoutError as e:
            print("retrying:", e)
        except (ConnectionError, OSError) as e:
            print("giving up:", type(e).__name__, e)
            break
