# hash() of builtin values: ints (modulus 2**61-1, -1 -> -2), floats, bools, tuples, strs and bytes under PYTHONHASHSEED=0, frozensets, ranges.
M = 2 ** 61 - 1
for n in [0, 1, -1, -2, 2, 100, -100, M - 1, M, M + 1, -M, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30, -(10 ** 30), 2 ** 63 - 1]:
    print(n, hash(n), hash(n) == hash(float(n)) if abs(n) < 2 ** 53 else "-")
for v in [0.0, -0.0, 0.5, 1.5, -1.5, 0.1, 1e100, 1e-100, 2.0 ** 61, 2.0 ** 62, float("inf"), float("-inf"), 3.14159, -2.5e-7]:
    print(repr(v), hash(v))
print(hash(True), hash(False), hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash(("a", 1.5, None is None)), hash((-1,)), hash((-2,)))
for s in ["", "a", "b", "ab", "hello", "Hello", "hello world", "é", "日本", "\U0001F600", "a" * 100]:
    print(repr(s), hash(s), hash(s.encode()) == hash(s) if s.isascii() else hash(s.encode()))
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([1, 2, 3])), hash(frozenset(["a", "b"])), hash(frozenset([(1, 2)])))
print(hash(range(3)), hash(range(1, 10, 2)), hash(range(5)) == hash(range(0, 5, 1)))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False), hash(2 ** 61) == hash(1), hash(M) == 0)
print({hash(x) for x in [1, 1.0, True]}, {1: "int", 1.0: "float"}, len({0, 0.0, -0.0, False}))
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
print(hash(H(-1)), hash(H(2 ** 61)), hash(H(-(2 ** 100))), hash(H(M)), hash(H(10)))
