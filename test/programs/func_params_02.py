# TypeError messages of wrongly called functions: every parameter kind, methods, lambdas, constructors.
def f(a, b, /, c, d=4, *, e, f=6):
    return a, b, c, d, e, f

def g(x, y=2, *args, z, **kw):
    return x, y, args, z, kw

class K:
    def m(self, a, /, b, *, c):
        return a, b, c
    @classmethod
    def cm(cls, a):
        return a
    @staticmethod
    def sm(a, b=1):
        return a, b
    def __init__(self, v):
        self.v = v

cases = [
    ("f()", lambda: f()),
    ("f(1)", lambda: f(1)),
    ("f(1, 2)", lambda: f(1, 2)),
    ("f(1, 2, 3)", lambda: f(1, 2, 3)),
    ("f(1, 2, 3, 4, 5, e=1)", lambda: f(1, 2, 3, 4, 5, e=1)),
    ("f(a=1, b=2, c=3, e=4)", lambda: f(a=1, b=2, c=3, e=4)),
    ("f(1, 2, 3, c=3, e=1)", lambda: f(1, 2, 3, c=3, e=1)),
    ("f(1, 2, 3, e=1, zz=2)", lambda: f(1, 2, 3, e=1, zz=2)),
    ("g()", lambda: g()),
    ("g(1)", lambda: g(1)),
    ("g(1, x=2, z=3)", lambda: g(1, x=2, z=3)),
    ("K(1).m()", lambda: K(1).m()),
    ("K(1).m(1, 2, 3)", lambda: K(1).m(1, 2, 3)),
    ("K(1).m(a=1, b=2, c=3)", lambda: K(1).m(a=1, b=2, c=3)),
    ("K.m(1, 2)", lambda: K.m(1, 2)),
    ("K.cm()", lambda: K.cm()),
    ("K.sm()", lambda: K.sm()),
    ("K.sm(1, 2, 3)", lambda: K.sm(1, 2, 3)),
    ("K()", lambda: K()),
    ("K(1, 2)", lambda: K(1, 2)),
    ("K(v=1, w=2)", lambda: K(v=1, w=2)),
    ("(lambda: 0)(1)", lambda: (lambda: 0)(1)),
    ("(lambda x, *, y: 0)(1, 2)", lambda: (lambda x, *, y: 0)(1, 2)),
    ("(lambda x, y, z: 0)()", lambda: (lambda x, y, z: 0)()),
    ("(lambda *, a, b, c: 0)()", lambda: (lambda *, a, b, c: 0)()),
    ("(lambda a, b=1, /: 0)(a=1, b=2)", lambda: (lambda a, b=1, /: 0)(a=1, b=2)),
]
for text, thunk in cases:
    try:
        print(text, "->", thunk())
    except TypeError as e:
        print(text, "-> TypeError:", e)
print(f(1, 2, 3, e=5), g(1, 2, 3, 4, z=5, w=6), K(0).m(1, b=2, c=3), K.cm(7), K(0).sm(8))
