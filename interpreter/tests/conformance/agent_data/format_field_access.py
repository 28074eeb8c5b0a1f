user = {"name": "Ana", "roles": ["admin", "dev"]}
point = (3, 4)
print("{0[name]} has role {0[roles][0]}".format(user))
print("{u[name]} / {u[roles][1]}".format(u=user))
print("x={0[0]}, y={0[1]}".format(point))
print("{0}{1}{0}".format("ab", "-"))
print("{:{fill}{align}{width}}".format("mid", fill="*", align="^", width=9))
