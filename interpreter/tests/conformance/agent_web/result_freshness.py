results = [("Old guide", "2019-03-01"), ("New release notes", "2024-05-20"), ("Tutorial", "2023-11-02"), ("Undated", "")]
cutoff = "2023-01-01"
fresh = [(t, d) for t, d in results if d and d >= cutoff]
stale = [t for t, d in results if d and d < cutoff]
undated = [t for t, d in results if not d]
print("fresh:", [t for t, _ in sorted(fresh, key=lambda x: x[1], reverse=True)])
print("stale:", stale, "undated:", undated)
