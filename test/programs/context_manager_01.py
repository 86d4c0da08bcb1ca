# with: __enter__/__exit__, the as-target, exception suppression, exit arguments, nested withs.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}", exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body", v)
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
with CM("s", suppress=True):
    raise ValueError("swallowed")
print("after suppression")
try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
with CM("x") as (a):
    pass
class Tup:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        return False
with Tup() as (p, [q, r]):
    print(p, q, r)
try:
    with object():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))
