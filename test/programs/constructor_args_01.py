# int() and str() argument binding: base through __index__, bytes in any base, keyword and count errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: int(1,2,3))
t(lambda: int(x="5"))
t(lambda: int(base=10))
t(lambda: int("1", 10, base=2))
t(lambda: int("1", 2**70))
t(lambda: int("1", -2**70))
t(lambda: int("1", 1.5))
t(lambda: int("1", "a"))
t(lambda: int(b"ff", 16))
t(lambda: int(bytearray(b" 0x1f "), 0))
t(lambda: int(b"zz", 16))
t(lambda: int(b"\xff", 16))
t(lambda: int(5, 10))
t(lambda: int("5", True))
t(lambda: int("11", False))
t(lambda: str(1, 2, 3, 4))
t(lambda: str(bogus=1))
t(lambda: str(b"x", "ascii", "strict", x=1))
t(lambda: str(object="kw"))
t(lambda: str(b"ab", errors="strict"))
t(lambda: str(1, encoding="ascii"))
t(lambda: str("a", object="b"))
t(lambda: str())
t(lambda: int("1", base=None))
t(lambda: str(b"a", 1))
t(lambda: str(b"a", "ascii", 1))
t(lambda: str(b"a", encoding=1))
t(lambda: str(encoding="ascii"))
t(lambda: str(b"a", errors=None))
t(lambda: str(1, errors="strict"))
t(lambda: str("x", "ascii"))
t(lambda: str(b"x", "ascii", errors="strict", encoding="x"))
t(lambda: str(b"x", "ascii", encoding="x"))
class Obj:
    def __index__(self):
        return 65
    def __float__(self):
        return 2.5
print("%c %x %o %d %.1f %e" % (Obj(), Obj(), Obj(), Obj(), Obj(), Obj()))
class OnlyInt:
    def __int__(self):
        return 7
print("%d %i %u" % (OnlyInt(), OnlyInt(), OnlyInt()))
for fmt in ["%x", "%c", "%f"]:
    try:
        print(fmt % OnlyInt())
    except TypeError as e:
        print(fmt, "TypeError:", e)
