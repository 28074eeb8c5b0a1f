allowed = {"wikipedia.org", "python.org", "github.com"}
links = ["https://en.wikipedia.org/wiki/Rust", "https://malware.biz/x", "https://github.com/rust-lang/rust", "https://python.org.evil.com/login", "https://docs.python.org/3/"]
def host_of(url):
    return url.split("//", 1)[1].split("/", 1)[0]
def allowed_host(host):
    return any(host == d or host.endswith("." + d) for d in allowed)
for link in links:
    h = host_of(link)
    print(("ALLOW" if allowed_host(h) else "BLOCK"), h)
