# with statements: exit arguments, suppression by a truthy return, exceptions in __enter__/__exit__, control flow through with.
class CM:
    def __init__(self, name, suppress=None):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print(f"  enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        desc = None if exc_type is None else (exc_type.__name__, str(exc), type(tb).__name__)
        print(f"  exit {self.name} {desc}")
        return self.suppress

with CM("a") as v:
    print("  body", v)
with CM("b", suppress=1):
    raise ValueError("swallowed")
print("after b")
with CM("c", suppress="") as v:
    pass
try:
    with CM("d", suppress=0):
        raise KeyError("kept")
except KeyError as e:
    print("caught", repr(e))
with CM("outer", suppress=True), CM("inner"):
    1 / 0
print("after nested")
with CM("x") as x, CM("y") as y:
    print("  both", x, y)

def returns_in_with():
    with CM("ret"):
        return "returned"
print(returns_in_with())
for i in range(3):
    with CM(f"loop{i}", suppress=True):
        if i == 0:
            continue
        if i == 1:
            raise RuntimeError("suppressed in loop")
        break
print("loop done", i)

class BadEnter:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("  never called")
try:
    with BadEnter():
        print("  never")
except OSError as e:
    print("OSError:", e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise LookupError("exit failed")
try:
    with BadExit():
        raise ValueError("original")
except LookupError as e:
    print("LookupError:", e, "context:", repr(e.__context__))
class NoExit:
    def __enter__(self):
        return self
class NoEnter:
    def __exit__(self, *a):
        pass
for obj in [NoExit(), NoEnter(), 5]:
    try:
        with obj:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
class Reusable:
    depth = 0
    def __enter__(self):
        Reusable.depth += 1
        return Reusable.depth
    def __exit__(self, *a):
        Reusable.depth -= 1
r = Reusable()
with r as d1:
    with r as d2:
        print("depths", d1, d2, Reusable.depth)
print("final depth", Reusable.depth)
with CM("tuple-target") as (first, *rest):
    print("  unpacked", first, rest)
def gen():
    with CM("in generator"):
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
print("closed")
