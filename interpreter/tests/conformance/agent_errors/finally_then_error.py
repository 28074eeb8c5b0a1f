def send_all(recipients):
    sent = 0
    try:
        for r in recipients:
            if "@" not in r:
                raise ValueError("bad address: " + r)
            sent += 1
            print("sent to", r)
    finally:
        print("sent %d of %d" % (sent, len(recipients)))
send_all(["a@x.com", "b@x.com", "nobody"])
