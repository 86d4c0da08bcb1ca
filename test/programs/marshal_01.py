# marshal.dumps/loads round trips of plain data, and the exact bytes for small values.
import marshal
values = [None, True, False, 0, 1, -1, 255, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 100, -(2 ** 70), 1.5, -0.0, 1e300,
          "", "abc", "é", "日本", b"", b"bytes\x00", (), (1, 2), [1, [2]], {"k": [1, 2]}, {1, 2}, frozenset([3]), ...,
          (None, (True, (False,))), "x" * 300]
# Version 2 output has no FLAG_REF bits (those depend on CPython reference counts), so its bytes are exact.
for v in values:
    d2 = marshal.dumps(v, 2)
    d4 = marshal.dumps(v)
    back = marshal.loads(d4)
    print(repr(v)[:40], d2[:30].hex(), len(d2), chr(d4[0] & 0x7F), back == v, marshal.loads(d2) == v, type(back).__name__)
print(marshal.dumps(1, 2).hex(), marshal.dumps("a", 2).hex(), marshal.dumps((1, "a"), 0).hex())
print(marshal.loads(marshal.dumps([1, 2, 3]) + b"trailing ignored"), marshal.version)
try:
    marshal.dumps(object())
except ValueError as e:
    print("ValueError", e)
try:
    marshal.loads(b"\xff")
except (ValueError, EOFError) as e:
    print(type(e).__name__, e)
def f(a, b=2):
    return a * b
code = marshal.loads(marshal.dumps(f.__code__))
print(code == f.__code__, code.co_name, code.co_varnames, code.co_consts)
