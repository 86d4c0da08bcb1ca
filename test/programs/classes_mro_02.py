# C3 linearization in bigger hierarchies, mro() vs __mro__, attribute lookup order, and every MRO failure.
def names(cls):
    return " ".join(k.__name__ for k in cls.__mro__)

class A: pass
class B: pass
class C: pass
class D: pass
class E: pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print(names(Z))
print(names(K1), "|", names(K2), "|", names(K3))

class Base:
    tag = "Base"
class L(Base):
    pass
class R(Base):
    tag = "R"
class Bottom(L, R):
    pass
print(Bottom.tag, names(Bottom), Bottom.mro() == list(Bottom.__mro__), type(Bottom.mro()).__name__)

def attempt(label, bases):
    try:
        cls = type(label, bases, {})
        print(label, "ok:", names(cls))
    except TypeError as e:
        print(label, "TypeError:", e)

attempt("AB_then_A", (A, K1))
attempt("K1_then_A", (K1, A))
attempt("cross", (K1, K3))
class X(A, B): pass
class Y(B, A): pass
attempt("XY", (X, Y))
attempt("object_first", (object, A))
attempt("A_object", (A, object))
attempt("dup", (A, B, A))
attempt("bool_base", (bool,))
attempt("int_str", (int, str))
try:
    class Bad(X, Y):
        pass
except TypeError as e:
    print("class statement TypeError:", e)

class Meta(type):
    def mro(cls):
        return [cls] + [k for k in super().mro() if k is not cls][::-1][1:] + [object] if cls.__name__ == "Rev" else super().mro()
class P1: pass
class P2: pass
class Rev(P1, P2, metaclass=Meta): pass
print(names(Rev))
print([k.__name__ for k in Z.__bases__], Z.__base__.__name__, object.__bases__, bool.__mro__)
print(issubclass(Z, B), issubclass(B, Z), isinstance(Z(), (E, int)), K3.__subclasses__() == [Z])
