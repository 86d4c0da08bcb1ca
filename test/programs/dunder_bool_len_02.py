# Truth testing and len(): __bool__ precedence over __len__, bad return values and their messages, index-sized lengths.
class Both:
    def __bool__(self):
        print("  __bool__")
        return False
    def __len__(self):
        print("  __len__")
        return 5
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Neither:
    pass
print(bool(Both()), len(Both()))
print(bool(LenOnly(0)), bool(LenOnly(3)), bool(Neither()), not LenOnly(0), "yes" if LenOnly(2) else "no")
print([x for x in [LenOnly(0), LenOnly(1), 0, "", "a", [], [0], None, 0.0, -0.0, 0 * 5, Neither()] if x].__len__())

class BadBool:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
for v in [1, 0, None, "yes", 1.0]:
    try:
        print(repr(v), bool(BadBool(v)))
    except TypeError as e:
        print(repr(v), "TypeError:", e)

for n in [-1, 2 ** 63, 2 ** 100, 1.5, "3", True]:
    try:
        print(repr(n), len(LenOnly(n)))
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(n), type(e).__name__ + ":", e)
try:
    bool(LenOnly(-1))
except ValueError as e:
    print("bool ValueError:", e)
try:
    len(Neither())
except TypeError as e:
    print("TypeError:", e)
for obj in [5, 3.5, None, iter([])]:
    try:
        len(obj)
    except TypeError as e:
        print("TypeError:", e)

class IdxLen:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
class LenViaIndex:
    def __len__(self):
        return IdxLen(4)
print(len(LenViaIndex()))
flag = LenOnly(0)
while not flag:
    flag.n += 1
print("loop ended with", flag.n)
print(LenOnly(0) or "fallback", LenOnly(2) and "second", (LenOnly(0) and "x") is not None)
class BoolNone:
    __bool__ = None
try:
    bool(BoolNone())
except TypeError as e:
    print("TypeError:", e)
