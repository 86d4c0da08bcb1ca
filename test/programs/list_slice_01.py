# Slicing: get, set, delete, extended slices, negative steps.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1], a[5:5], a[20:30])
print(a[-100:100], a[3:1], a[::-3], a[None:None:None])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [100, 200]
print(b)
b[:] = [1, 2, 3]
print(b)
c = list(range(10))
c[::2] = "abcde"
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
del c[::3]
print(c)
del c[1:3]
print(c)
d = list(range(6))
d[-2:] = []
d[len(d):] = [9, 9]
print(d)
s = "abcdefghij"
t = (0, 1, 2, 3, 4, 5)
print(s[1:8:3], s[::-2], t[1:4], t[::-1], t[4:1:-1], s[-3::-1])
r = range(20)
print(r[3:15:4], list(r[3:15:4]), r[::-1], r[-5:], list(r[10:2:-3]))
e = [0, 1, 2, 3]
e[1:3] = e
print(e)
