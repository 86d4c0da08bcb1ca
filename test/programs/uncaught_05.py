# Uncaught exception that was raised "from None": context suppressed, only the last traceback is shown.
def to_int(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError(f"expected digits, got {s!r}") from None

print(to_int("12"))
x = [to_int(v) for v in ["3", "4", "x5"]]
