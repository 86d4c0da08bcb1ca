# Arithmetic dunders: binary, reflected, in-place, unary, NotImplemented fallbacks.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return V(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("  radd with", o)
        return self + o
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, V):
            return self.x * k.x + self.y * k.y
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return V(+self.x, +self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return V(self.y, self.x)
    def __matmul__(self, o):
        return ("matmul", self.x * o.y - self.y * o.x)
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, n):
        return V(self.x << n, self.y << n)
    def __rshift__(self, n):
        return V(self.x >> n, self.y >> n)
    def __divmod__(self, k):
        return ("divmod", k)
    def __rsub__(self, o):
        return V(o - self.x, o - self.y)

a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 10 + a, a - b, 5 - a, a * 3, 3 * a, a * b)
print(b / 2, b // 2, b % 2, a ** 2, -a, +a, abs(b), ~a, a @ b, a & b, a | b, a ^ b, a << 2, b >> 1, divmod(a, 7))
print(sum([a, b, V(10, 10)]))
try:
    a + "s"
except TypeError as e:
    print("TypeError", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError", e)
try:
    a < b
except TypeError as e:
    print("TypeError", e)
try:
    -object()
except TypeError as e:
    print("TypeError", e)
c = a
c += b
print(c, a, c is a)
