# __repr__, __str__, __format__ and how print/str/repr/format/f-strings/containers use them.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "cents":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
m = Money(12345)
print(m, str(m), repr(m), [m], (m,), {"k": m}, f"{m}", f"{m!r}", f"{m!s}", f"{m:cents}", f"{m:>10.1f}", format(m, ".3f"))
print("{} {!r} {:cents}".format(m, m, m), "%s %r" % (m, m))

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}", format(OnlyRepr()))
class OnlyStr:
    def __str__(self):
        return "only-str"
o = OnlyStr()
print(o, [type(o).__name__], repr(o).startswith("<__main__.OnlyStr object at 0x"))
try:
    format(o, "x")
except TypeError as e:
    print("TypeError", e)
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)
class Rec:
    def __init__(self):
        self.child = None
    def __repr__(self):
        return f"Rec({self.child!r})"
r = Rec()
r.child = Rec()
print(r, repr(None), repr(Ellipsis), repr(NotImplemented), repr(int), repr(len), str(type(r)), repr(object))
print(repr(type), repr(print), str(Money), repr(ValueError("x")), str(ValueError("x", 2)), repr(KeyError("k")), str(KeyError("k")))
