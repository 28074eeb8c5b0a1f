def t(v):
    print("called", v)
    return v
print(t(0) and t(1))
print(t(1) or t(2))
print(t(1) and t(0) and t(5))
print(t(0) or t("") or t("end"))
