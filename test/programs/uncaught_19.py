# An uncaught exception raised from None after catching: only the last exception is shown, with carets under a call.
def convert(text):
    try:
        return float(text)
    except ValueError:
        raise TypeError(f"expected a number, got {text!r}") from None

def mean(values):
    return sum(convert(v) for v in values) / len(values)

print(mean(["1", "2.5"]))
print(mean(["3", "abc"]))
