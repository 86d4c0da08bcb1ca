# Float arithmetic in nested loops: the spectral norm of an infinite matrix, by power iteration.
N = 300  # bench: quick=40


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * v[j]
        out.append(s)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


u = [1.0] * N
v = u
for _ in range(10):
    v = mul_atav(u, N)
    u = mul_atav(v, N)
vbv = vv = 0.0
for i in range(N):
    vbv += u[i] * v[i]
    vv += v[i] * v[i]
print("spectral norm(%d) = %.9f" % (N, (vbv / vv) ** 0.5))
