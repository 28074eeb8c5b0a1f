def shout(s):
    return s.upper() + "!"
def whisper(s):
    return s.lower() + "..."
ops = {"loud": shout, "quiet": whisper}
for name in ["loud", "quiet"]:
    print(name, ops[name]("Hello"))
def apply(f, v):
    return f(v)
print(apply(shout, "hey"), apply(len, "four"))
