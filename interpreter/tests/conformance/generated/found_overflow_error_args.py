# Found by _difftest: float ** overflow is OverflowError(34, 'Numerical result out of range').
try:
    print(pow(7.0, 2147483648))
except OverflowError as e:
    print(repr(e), e.args, str(e))
