cases = ["{0} {}", "{} {0}", "{:{}}", "{0:{1}}", "{:{0}}", "{:{:{}}}"]
for template in cases:
    try:
        print(repr(template.format("x", 5, 3)))
    except ValueError as e:
        print(repr(template), e)
