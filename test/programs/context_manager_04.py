# with statements in depth: second manager's __enter__ failing unwinds the first, __exit__ replacing/suppressing, traceback argument, generators.
class CM:
    def __init__(self, name, fail_enter=False, exit_result=None, exit_raises=None):
        self.name, self.fail_enter, self.exit_result, self.exit_raises = name, fail_enter, exit_result, exit_raises
    def __enter__(self):
        print(f"  enter {self.name}")
        if self.fail_enter:
            raise RuntimeError(f"{self.name} failed to enter")
        return self
    def __exit__(self, et, ev, tb):
        print(f"  exit {self.name}: {et.__name__ if et else None}({ev if ev else ''}) tb line {tb.tb_lineno if tb else None}")
        if self.exit_raises:
            raise self.exit_raises
        return self.exit_result
try:
    with CM("first"), CM("second", fail_enter=True), CM("third"):
        print("  body never runs")
except RuntimeError as e:
    print("caught:", e)
try:
    with CM("outer", exit_result=True):
        with CM("inner", exit_raises=KeyError("from inner exit")):
            raise ValueError("body error")
except Exception as e:
    print("unexpected", e)
print("outer suppressed the KeyError")
try:
    with CM("replacer", exit_raises=TypeError("replacement")):
        raise ValueError("original")
except TypeError as e:
    print("caught replacement:", e, "| context:", repr(e.__context__))
class Transaction:
    def __init__(self):
        self.ops, self.committed = [], []
    def __enter__(self):
        self.ops = []
        return self.ops
    def __exit__(self, et, ev, tb):
        if et is None:
            self.committed.extend(self.ops)
        else:
            print("  rolled back", self.ops, "because", repr(ev))
        return et is ValueError
t = Transaction()
with t as ops:
    ops.append("a")
    ops.append("b")
with t as ops:
    ops.append("c")
    raise ValueError("bad op")
try:
    with t as ops:
        ops.append("d")
        raise KeyError("fatal")
except KeyError:
    print("KeyError escaped")
print(t.committed)
def gen_with():
    with CM("gen-cm"):
        yield 1
        yield 2
for v in gen_with():
    print("  got", v)
g = gen_with()
next(g)
print("closing generator inside with")
g.close()
def returns_from_with():
    for i in range(3):
        with CM(f"loop{i}"):
            if i == 1:
                return i
print(returns_from_with())
class EnterReturnsOther:
    def __enter__(self):
        return "a different object"
    def __exit__(self, *args):
        print("  exit args:", args)
with EnterReturnsOther() as value:
    print(" ", value)
