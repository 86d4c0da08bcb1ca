# Uncaught ExceptionGroup with nested groups: the traceback prints the boxed tree of sub-exceptions.
def check(values):
    errors = []
    for v in values:
        if v < 0:
            errors.append(ValueError(f"negative: {v}"))
        elif v == 0:
            errors.append(ZeroDivisionError(f"zero: {v}"))
    if errors:
        raise ExceptionGroup("invalid values", errors)

print("checking")
try:
    check([1, -1])
except* ValueError as eg:
    print("handled", [str(e) for e in eg.exceptions])
raise ExceptionGroup("batch failed", [KeyError("k"), ExceptionGroup("inner", [ValueError(1), TypeError(2)])])
