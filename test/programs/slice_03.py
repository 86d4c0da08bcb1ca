# slice comparisons (as tuples), unhashability, indices() with ints of any size and its errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
s = slice(1, 2, 3)
t(lambda: (s == slice(1, 2, 3), s != slice(1, 2), s < slice(1, 3), s <= s, s > slice(0), s >= slice(1, 2, 4)))
t(lambda: slice(1, "a") < slice(1, 2)); t(lambda: slice(1) == 1); t(lambda: slice(1) < 1); t(lambda: hash(s))
t(lambda: slice(None, None, -1).indices(10**30)); t(lambda: slice(-10**40, 10**40, 10**20).indices(5)); t(lambda: slice(0, 5, True).indices(3))
t(lambda: slice(1, 2).indices(-1)); t(lambda: slice(1, 2).indices("x")); t(lambda: slice("a").indices(4)); t(lambda: slice(0, 1, 0).indices(3)); t(lambda: slice(1,2).indices())
t(lambda: {slice(1): 1})
