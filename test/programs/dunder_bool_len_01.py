# __bool__ and __len__ in truth testing; errors for bad returns.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print(f"  __bool__({self.v})")
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(B(True)), bool(L(0)), bool(L(3)), bool(Both()), len(Both()))
if B(False):
    print("no")
else:
    print("else branch")
print(not L(0), B(True) and "and-result", L(0) or "or-result", [x.n for x in [L(0), L(2)] if x])
while L(0):
    print("never")
print("x" if L(1) else "y")
for bad in [lambda: bool(L(-1)), lambda: len(L(-1)), lambda: bool(B(1)), lambda: len(L("3")), lambda: len(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Big:
    def __len__(self):
        return 2 ** 100
try:
    len(Big())
except OverflowError as e:
    print("OverflowError", e)
print(len([1, 2]), len("abc"), len({}), len(range(5)), len(b"xy"), len({1: 2}), len((1,)), len(frozenset()))
