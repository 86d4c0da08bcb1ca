# An uncaught AssertionError with a message, and an assert that passes first.
def check(values):
    assert values, "values must not be empty"
    assert all(v >= 0 for v in values), f"negative value in {values}"
    return sum(values)

print(check([1, 2, 3]))
try:
    check([])
except AssertionError as e:
    print("caught:", e)
check([1, -2])
