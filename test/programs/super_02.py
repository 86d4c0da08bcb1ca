# super() in its many forms: zero-arg, two-arg, unbound, in classmethods/staticmethod-free contexts, properties, __init_subclass__.
class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c(" + cls.__name__ + ")"
    @property
    def p(self):
        return "A.p"
    def __repr__(self):
        return "A-repr"

class B(A):
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def c(cls):
        return "B.c>" + super().c()
    @property
    def p(self):
        return "B.p>" + super().p

class C(B):
    def f(self):
        return "C.f>" + super(B, self).f()
    def g(self):
        return super(C, self).f()
    def __repr__(self):
        return "C-wrapping-" + super().__repr__()

c = C()
print(c.f(), c.g(), C.c(), c.p, repr(c))
print(super(C, c).f(), super(B, c).f(), super(C, C).c(), super(B, C).c())
s = super(C, c)
print(type(s).__name__, s.__self__ is c, s.__thisclass__.__name__, s.__self_class__.__name__)
unbound = super(B)
print(type(unbound).__name__, unbound.__self__, unbound.__thisclass__.__name__)

class Registry:
    subclasses = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Registry.subclasses.append((cls.__name__, key))

class One(Registry, key="one"): pass
class Two(One): pass
print(Registry.subclasses)

def outside():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside()

class NoArgs:
    def m():
        return super()
try:
    NoArgs.m()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(C, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    super(B, c).missing
except AttributeError as e:
    print("AttributeError:", e)

class Lazy(A):
    def f(self):
        fn = lambda: super(Lazy, self).f()
        return "Lazy>" + fn()
    def gen(self):
        yield super().f()
print(Lazy().f(), list(Lazy().gen()))

class Cooperative:
    def __init__(self, *args, **kwargs):
        self.trail = ["Cooperative"]
class Mixin1(Cooperative):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.trail.append("Mixin1")
class Mixin2(Cooperative):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.trail.append("Mixin2")
class Final(Mixin1, Mixin2):
    def __init__(self):
        super().__init__(1, x=2)
        self.trail.append("Final")
print(Final().trail)

class Str(str):
    def upper(self):
        return "[" + super().upper() + "]"
    def __len__(self):
        return super().__len__() * 100
s2 = Str("abc")
print(s2.upper(), len(s2), s2 + "d", type(s2 + "d").__name__)
