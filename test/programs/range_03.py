# ranges beyond 64 bits: len() OverflowError, items, slices, membership, index/count, equality, hash, repr, longrange_iterator.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
B = 10**20
r = range(-B, B, 7)
t(lambda: (r, r.start, r.stop, r.step, bool(r), bool(range(B, B))))
t(lambda: r[5]); t(lambda: r[-1]); t(lambda: r[10**25]); t(lambda: r[-10**25])
t(lambda: r[::3]); t(lambda: r[::-1]); t(lambda: r[10:20:3]); t(lambda: r[-5:]); t(lambda: r[::0]); t(lambda: r["a":])
t(lambda: r[1.5])
t(lambda: list(range(B, B+5))); t(lambda: list(reversed(range(B, B+5)))); t(lambda: type(reversed(range(B))).__name__)
t(lambda: list(range(2**63-3, 2**63+2))); t(lambda: type(iter(range(2**63-3, 2**63-1))).__name__)
t(lambda: type(reversed(range(-2**63, -2**63+3))).__name__); t(lambda: list(reversed(range(-2**63, -2**63+3))))
t(lambda: type(iter(range(-2**63, 2**63-1))).__name__)
t(lambda: len(range(-2**63, 2**63-1)))
t(lambda: range(B) == range(0, B)); t(lambda: range(0, B, 2) == range(0, B+1, 2)); t(lambda: range(B, B) == range(0))
t(lambda: hash(range(B)) == hash(range(0, B, 1))); t(lambda: hash(range(B,B)) == hash(range(0)))
t(lambda: (B-7) in r); t(lambda: (B-6) in r); t(lambda: 3.0 in range(B)); t(lambda: r.index(r[100])); t(lambda: r.count(r[3])); t(lambda: r.index(B))
t(lambda: range(10).index(3.0))
t(lambda: range(B).index(5.0)); t(lambda: range(5).count(2.0)); t(lambda: range(-B, B).count(True))
t(lambda: range(True, 5)); t(lambda: range(0, 10)[True])
t(lambda: range(1, 2**62)[::2**61]); t(lambda: range(0, 2**62, 2**61)[::-1])
t(lambda: range(5)[::-2**70]); t(lambda: range(5)[2**70:]); t(lambda: range(5)[-2**70:2])
t(lambda: range(2**62)[1:-1:3]); t(lambda: len(range(2**62)[1:-1:3]))
class I:
    def __index__(self):
        return B
t(lambda: range(I())); t(lambda: range(B * 2)[I()]); t(lambda: range(B)[I()])
t(lambda: range(1, B, -1)); t(lambda: len(range(1, B, -1))); t(lambda: list(range(B, B-10, -3)))
t(lambda: repr(range(-B, 5))); t(lambda: range(0, B, B-1)[1])
t(lambda: {range(B): 1, range(0, B, 1): 2}); t(lambda: range(B) != range(B + 1)); t(lambda: range(-B, B)[B:B + 3])
t(lambda: list(range(B, B + 30, 7)[1:3])); t(lambda: range(B, -B, -B)[1:]); t(lambda: sum(range(B, B + 3)))
t(lambda: range(2 ** 64)[2 ** 63:2 ** 63 + 2]); t(lambda: range(-2 ** 63, 0)[0]); t(lambda: range(2 ** 63 - 1)[-1])
t(lambda: range(10)[::2 ** 63]); t(lambda: range(10)[:: -2 ** 63]); t(lambda: range(0, 2 ** 63 - 1, 2 ** 62)[::-1])
