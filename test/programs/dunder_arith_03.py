# Binary operator dispatch: NotImplemented both ways, the "unsupported operand type(s)" message for every operator, unary errors.
class A:
    def __repr__(self):
        return "A()"
class B:
    def __repr__(self):
        return "B()"

ops = [
    ("+", lambda x, y: x + y), ("-", lambda x, y: x - y), ("*", lambda x, y: x * y), ("/", lambda x, y: x / y),
    ("//", lambda x, y: x // y), ("%", lambda x, y: x % y), ("**", lambda x, y: x ** y), ("@", lambda x, y: x @ y),
    ("<<", lambda x, y: x << y), (">>", lambda x, y: x >> y), ("&", lambda x, y: x & y), ("|", lambda x, y: x | y),
    ("^", lambda x, y: x ^ y), ("divmod", lambda x, y: divmod(x, y)), ("pow3", lambda x, y: pow(x, y, 5)),
]
for name, fn in ops:
    try:
        fn(A(), B())
    except TypeError as e:
        print(name, "TypeError:", e)
for name, fn in [("1 + A", lambda: 1 + A()), ("A + 1", lambda: A() + 1), ("'s' * A", lambda: "s" * A()),
                 ("[] + ()", lambda: [] + ()), ("None + None", lambda: None + None), ("1 + '1'", lambda: 1 + "1"),
                 ("'1' + 1", lambda: "1" + 1), ("[1] * 1.5", lambda: [1] * 1.5), ("{} | []", lambda: {} | []),
                 ("-A", lambda: -A()), ("+A", lambda: +A()), ("~A", lambda: ~A()), ("abs(A)", lambda: abs(A())),
                 ("~1.5", lambda: ~1.5), ("-'s'", lambda: -"s")]:
    try:
        fn()
    except TypeError as e:
        print(name, "TypeError:", e)

def aug_add(x, y):
    x += y
def aug_sub(x, y):
    x -= y
def aug_mul(x, y):
    x *= y
def aug_div(x, y):
    x /= y
def aug_floordiv(x, y):
    x //= y
def aug_mod(x, y):
    x %= y
def aug_pow(x, y):
    x **= y
def aug_matmul(x, y):
    x @= y
def aug_lshift(x, y):
    x <<= y
def aug_rshift(x, y):
    x >>= y
def aug_and(x, y):
    x &= y
def aug_or(x, y):
    x |= y
def aug_xor(x, y):
    x ^= y
for name, fn in [("+=", aug_add), ("-=", aug_sub), ("*=", aug_mul), ("/=", aug_div), ("//=", aug_floordiv), ("%=", aug_mod), ("**=", aug_pow), ("@=", aug_matmul), ("<<=", aug_lshift), (">>=", aug_rshift), ("&=", aug_and), ("|=", aug_or), ("^=", aug_xor)]:
    try:
        fn(A(), B())
    except TypeError as e:
        print(name, "TypeError:", e)

class Trace:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
    def __add__(self, o):
        print(f"  {self}.__add__({o})")
        return NotImplemented
    def __radd__(self, o):
        print(f"  {self}.__radd__({o})")
        return NotImplemented
    def __iadd__(self, o):
        print(f"  {self}.__iadd__({o})")
        return NotImplemented
p, q = Trace("P"), Trace("Q")
try:
    p += q
except TypeError as e:
    print("TypeError:", e)
try:
    p + 1
except TypeError as e:
    print("TypeError:", e)
class SubTrace(Trace):
    pass
try:
    p + SubTrace("S")
except TypeError as e:
    print("TypeError:", e)
