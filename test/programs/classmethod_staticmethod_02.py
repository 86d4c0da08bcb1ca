# classmethod/staticmethod objects: __func__, binding via class and instance, inheritance, alternate constructors, callable static.
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        type(self).count += 1
    @classmethod
    def make(cls, *names):
        return [cls(n) for n in names]
    @staticmethod
    def describe(x):
        return f"describe({x})"
    @classmethod
    def kind(cls):
        return cls.__name__.lower()

class Circle(Shape):
    count = 0

shapes = Circle.make("a", "b")
print([type(s).__name__ for s in shapes], Circle.count, Shape.count, Circle.kind(), shapes[0].kind())
print(Shape.describe(1), Shape("z").describe(2), Shape.count)
cm = Shape.__dict__["make"]
sm = Shape.__dict__["describe"]
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__(3), sm(4))
bound = Circle.kind
print(bound.__self__.__name__, bound.__func__ is Shape.__dict__["kind"].__func__, bound())
print(Shape.describe is Circle.describe, Shape.describe is sm.__func__)
inst_bound = shapes[0].kind
print(inst_bound.__self__ is Circle, inst_bound())

class Temp:
    def __init__(self, c):
        self.c = c
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def valid(c):
        return c > -273.15
    def __repr__(self):
        return f"Temp({self.c:.1f})"
print(Temp.from_f(212), Temp.from_f(32), Temp.valid(-300), Temp(5).valid(5))

def plain(x):
    return ("plain", x)
class Late:
    s = staticmethod(plain)
    c = classmethod(plain)
print(Late.s(1), Late().s(2), Late.c(), Late().c()[1].__name__)
print(staticmethod(plain)(9), plain.__get__(None, Late) is plain, plain.__get__(5)())
cmeth = classmethod(plain)
print(cmeth.__get__(None, int)(), cmeth.__get__(3)())
try:
    classmethod(plain)()
except TypeError as e:
    print("TypeError:", e)

class WithProperty:
    @classmethod
    def info(cls):
        return {"name": cls.__name__, "qual": cls.info.__qualname__}
print(WithProperty.info())
