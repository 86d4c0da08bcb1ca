# abs/divmod/pow/round/chr/ord/callable across types and their errors, plus __abs__/__divmod__/__pow__ dispatch.
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-(2 ** 100)), abs(float("-inf")), abs(-7 // 2))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2.0), divmod(2 ** 70, 3), divmod(True, 1), divmod(-0.0, 5))
print(pow(2, 3), pow(2, -3), pow(2.0, 3), pow(-2, 0.5) if False else pow(4, 0.5), pow(3, 3, 5), pow(base=2, exp=5), pow(2, 5, mod=7))
print(round(2.567, 2), round(-2.5), round(25, -1), round(35, -1), round(3), chr(9731), ord("☃"), ord(b"A"), ord(bytearray(b"z")))
for fn, args in [(abs, ("s",)), (abs, (None,)), (divmod, ("a", 1)), (divmod, (1, "a")), (pow, ("a", 2)), (pow, (2, 2, 2, 2)),
                 (round, ("1",)), (chr, ("a",)), (chr, (1.5,)), (ord, (1,)), (ord, (b"ab",)), (callable, ()), (abs, ())]:
    try:
        print(fn(*args))
    except (TypeError, ValueError) as e:
        print(fn.__name__, args, type(e).__name__ + ":", e)
class Num:
    def __init__(self, v):
        self.v = v
    def __abs__(self):
        return f"abs({self.v})"
    def __divmod__(self, o):
        return ("divmod", self.v, o)
    def __rdivmod__(self, o):
        return ("rdivmod", o, self.v)
    def __pow__(self, e, m=None):
        return ("pow", self.v, e, m)
    def __rpow__(self, b):
        return ("rpow", b, self.v)
    def __round__(self, n=None):
        return ("round", n)
n = Num(5)
print(abs(n), divmod(n, 2), divmod(2, n), pow(n, 2), pow(n, 2, 3), pow(2, n), 2 ** n, n ** 3, round(n), round(n, 1))
try:
    pow(2, n, 3)
except TypeError as e:
    print("TypeError:", e)
print(callable(n), callable(Num), callable(n.__abs__), callable(None), callable(callable), callable(1 .__add__))
print([chr(c) for c in (0x41, 0x3b1, 0x1F40D, 0x10FFFF - 0x10FFFF + 0x7E)], [ord(c) for c in "Aα🐍~"])
