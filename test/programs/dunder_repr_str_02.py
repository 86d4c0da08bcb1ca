# __repr__/__str__/__format__ details: fallbacks, bad return types, format specs passed through, !r/!s/!a, containers use repr.
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr<é>"
class OnlyStr:
    def __str__(self):
        return "OnlyStr-str"
class Fmt:
    def __format__(self, spec):
        return f"Fmt[{spec}]"
    def __repr__(self):
        return "Fmt()"

o = OnlyRepr()
print(str(o), repr(o), f"{o}", f"{o!r}", f"{o!s}", f"{o!a}", ascii(o), [o], {"k": o}, (o,))
s = OnlyStr()
print(str(s), repr(s).startswith("<__main__.OnlyStr object at 0x"), [s][0] is s, "%s" % s, "{}".format(s))
f = Fmt()
print(format(f), format(f, "xyz"), f"{f:>10}", f"{f!r:>10}|", "{:abc}".format(f), f"{f:{'nest'}{5}}")
try:
    format(OnlyStr(), "10")
except TypeError as e:
    print("TypeError:", e)
print(format(OnlyStr(), ""), format(3, ""), format("s", ""), format(None), f"{None!s:>6}|")

class BadRepr:
    def __repr__(self):
        return 42
class BadStr:
    def __str__(self):
        return None
class BadFormat:
    def __format__(self, spec):
        return 1
for fn in [lambda: repr(BadRepr()), lambda: str(BadStr()), lambda: format(BadFormat()), lambda: f"{BadFormat()}",
           lambda: str(BadRepr()), lambda: print(BadStr())]:
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)

class Rich:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Rich({self.v!r})"
    def __str__(self):
        return f"rich {self.v}"
    def __format__(self, spec):
        if spec == "upper":
            return str(self).upper()
        return format(str(self), spec)
r = Rich("it's")
print(r, repr(r), f"{r:upper}", f"{r:*^16}", "[%s] [%r]" % (r, r), [r, Rich(1)], str([r]), "{0!r:>14}".format(r))

class StrSub(str):
    def __repr__(self):
        return "StrSub(" + super().__repr__() + ")"
    def __str__(self):
        return "never used by print? " + super().__str__()
ss = StrSub("hi")
print(ss, repr(ss), [ss], f"{ss}", str(ss), ss + "!", format(ss, ">5"))
class IntSub(int):
    def __repr__(self):
        return f"IntSub({int(self)})"
i = IntSub(7)
print(i, repr(i), f"{i}", f"{i:03d}", str(i), [i], i + 1)
class Base:
    def __repr__(self):
        return f"{type(self).__name__}(...)"
class Derived(Base):
    pass
print(Derived(), [Base(), Derived()], object.__repr__(Derived()).split(" object")[0])
