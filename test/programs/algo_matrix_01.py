# Matrices as lists of lists: multiply, transpose, determinant, identity, exact rational inverse via integer pairs.
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def transpose(m):
    return [list(row) for row in zip(*m)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def matpow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e >>= 1
    return result
A = [[1, 2], [3, 4]]
B = [[0, 1], [1, 0]]
print(matmul(A, B), matmul(B, A), transpose([[1, 2, 3], [4, 5, 6]]), det(A), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
print(matpow([[1, 1], [1, 0]], 90)[0][1], matpow(A, 5), det(identity(4)))
M = [[i * 4 + j for j in range(4)] for i in range(4)]
for row in M:
    print(" ".join(f"{v:3d}" for v in row))
print([M[i][i] for i in range(4)], sum(M[i][3 - i] for i in range(4)), det(M))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, n, d=1):
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    def __add__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __mul__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __sub__(self, o):
        return self + (-o if isinstance(o, Frac) else Frac(-o))
    def __eq__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return self.n == o.n and self.d == o.d
    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)
def inverse(m):
    n = len(m)
    aug = [[Frac(v) for v in row] + [Frac(int(i == j)) for j in range(n)] for i, row in enumerate(m)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if aug[r][col] != 0)
        aug[col], aug[pivot] = aug[pivot], aug[col]
        p = aug[col][col]
        aug[col] = [v / p for v in aug[col]]
        for r in range(n):
            if r != col:
                f = aug[r][col]
                aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]
print(inverse([[2, 1], [5, 3]]), inverse([[1, 2, 3], [0, 1, 4], [5, 6, 0]]))
print(sum([Frac(1, k) for k in range(1, 11)], Frac(0)), Frac(3, -6), Frac(1, 3) * 3 == 1)
