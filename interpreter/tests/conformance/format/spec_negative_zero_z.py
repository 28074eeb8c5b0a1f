print(f"{-0.0:z}|{-0.0:z.1f}|{-0.0001:z.1f}|{-0.0001:.1f}|{-0.0:z.0e}")
print(f"{-1/3:z.0%}|{-0.004:z.2f}|{-0.005:z.2f}|{float('-inf'):z}")
print(format(-0.0, "+z.1f"), format(-0.0, " z.1f"), format(0.0, "z.1f"))
