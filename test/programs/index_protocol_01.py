# The __index__ protocol (subscripts, slices, repetition, range, len), 3-argument pow dispatch, reflected numeric operands of float/complex subclasses.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: pow(2, 3.0, 5))
t(lambda: pow(2.0, 3, 5))
t(lambda: pow(2, 3, 5.0))
t(lambda: pow(1j, 2, 3))
t(lambda: pow(True, 2, 3))
t(lambda: pow(2, 3, None))
t(lambda: pow("a", 3, 5))
class I:
    def __init__(s, n): s.n = n
    def __index__(s): return s.n
t(lambda: [1,2,3][I(-1)])
t(lambda: [1,2,3][I(2**70)])
t(lambda: (1,2,3)[I(5)])
t(lambda: "abc"[I(1)])
t(lambda: b"abc"[I(1)])
t(lambda: bytearray(b"abc")[I(1)])
t(lambda: range(10)[I(2**70)])
t(lambda: [1,2,3][I(0):I(2)])
t(lambda: [1,2] * I(2**70))
t(lambda: [1,2] * I(-2**70))
t(lambda: I(3) * "ab")
t(lambda: range(I(3), I(9), I(2)))
x = [1,2]
x *= I(2)
print(x)
l = [1,2,3]
l[I(1)] = 9
del l[I(0)]
print(l)
t(lambda: [1,2][I(1.5)])
t(lambda: [1,2,3].index(2, I(0), I(3)))
class L:
    def __init__(s, n): s.n = n
    def __len__(s): return s.n
for n in [True, False, -1, 2**63-1, 2**63, -2**70, 1.5, I(3), I(-3), I(2**64)]:
    t(lambda: len(L(n)))
    t(lambda: bool(L(n)))
class F(float):
    def __radd__(s, o): return "radd"
    def __rmul__(s, o): return "rmul"
t(lambda: 1 + F(2.0))
t(lambda: 2.0 + F(2.0))
t(lambda: 1j + F(2.0))
t(lambda: 3 * F(2.0))
class C(complex):
    def __radd__(s, o): return "cradd"
t(lambda: 1 + C(2))
t(lambda: 1.5 + C(2))
class Num:
    def __pow__(s, e, m=None): return ("pow", type(e).__name__, m)
    def __rpow__(s, b, m=None): return ("rpow", b, m)
class Num2(Num): pass
t(lambda: pow(Num(), 2, 3))
t(lambda: pow(2, Num(), 3))
t(lambda: pow(2, 3, Num()))
t(lambda: pow(Num(), Num2(), 3))
t(lambda: pow(Num2(), Num(), 3))
