log = []
def step(x):
    try:
        log.append(f"try {x}")
        if x < 0:
            raise ValueError("negative")
        return x * 2
    except ValueError as e:
        log.append(f"except {e}")
        return -1
    else:
        log.append("else never reached after return")
    finally:
        log.append(f"finally {x}")
print(step(3), step(-1))
print(log)
