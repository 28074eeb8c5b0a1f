cases = ["{", "}", "a}b", "{a", "{!}", "{!x}", "{0!r", "{0!rx}", "{0[}", "{0]}", "{0[0]x}", "{0.}", "{0[]}", "{a{b}", "{0:{", "{{}}", "}}{{", "{!r}"]
for template in cases:
    try:
        print(repr(template), repr(template.format([1, 2], a=1)))
    except (ValueError, KeyError, IndexError) as e:
        print(repr(template), type(e), e)
