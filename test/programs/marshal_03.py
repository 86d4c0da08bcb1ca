# marshal of bytearray (written as bytes), code objects compare by value (constants by type and sign) after a round trip.
import marshal
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for v in [bytearray(b""), bytearray(b"xyz"), [bytearray(b"q")]]:
    t(lambda: (marshal.dumps(v, 2).hex(), marshal.loads(marshal.dumps(v))))
def f1(a, b=2.0, *c, d, **e):
    x = (1, 2.0, -0.0, "s", None, (1, (2,)), frozenset({1}))
    return lambda: a
def f2(a, b=2.0, *c, d, **e):
    x = (1, 2.0, 0.0, "s", None, (1, (2,)), frozenset({1}))
    return lambda: a
c1 = f1.__code__
t(lambda: (c1 == marshal.loads(marshal.dumps(c1)), c1 == f2.__code__, c1 != c1, c1 == 1, hash(c1) == hash(marshal.loads(marshal.dumps(c1)))))
t(lambda: c1 < c1)
