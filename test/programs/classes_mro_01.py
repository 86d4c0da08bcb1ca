# Multiple inheritance and the C3 MRO, diamond shape, super() chains.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print([k.__name__ for k in D.__mro__], D().who())

class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.mro()])

class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(E, Dd): pass
class Aa(Bb, Cc): pass
print([k.__name__ for k in Aa.__mro__])

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError", e)

class Left:
    val = "left"
    def m(self):
        return "Left.m"
class Right:
    val = "right"
    def m(self):
        return "Right.m"
    def only_right(self):
        return "only right"
class Both(Left, Right):
    pass
class Both2(Right, Left):
    pass
print(Both.val, Both().m(), Both().only_right(), Both2.val, Both2().m())
print(D.__bases__ == (B, C), [c.__name__ for c in type.mro(D)], object.__mro__)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("TypeError", e)
