text = """# settings
API_KEY=abc123
DEBUG=true
TIMEOUT = 30
EMPTY=
QUOTED="hello world"
export PATH_EXTRA=/opt/bin
BROKEN LINE"""
env = {}
problems = []
for i, line in enumerate(text.splitlines(), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    if line.startswith("export "):
        line = line[len("export "):]
    if "=" not in line:
        problems.append(i)
        continue
    k, v = (s.strip() for s in line.split("=", 1))
    env[k] = v.strip('"')
print(env)
print("bad lines:", problems, "| timeout x2 =", int(env["TIMEOUT"]) * 2)
