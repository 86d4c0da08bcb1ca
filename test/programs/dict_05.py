# dict keys/items views as sets with any iterable on either side, isdisjoint, comparisons; dict |= with pairs.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
d = {"a": 1, "b": 2}
t(lambda: (d.keys() & ["a", "z"], d.keys() | ["z"], d.keys() - {"a"}, d.keys() ^ {"a", "q"}, d.items() & {("a", 1)}, ["a"] & d.keys()))
t(lambda: (d.keys().isdisjoint({"x"}), d.keys().isdisjoint(d.keys()), d.items().isdisjoint(d.items()), {}.keys().isdisjoint({})))
t(lambda: d.keys().isdisjoint(5)); t(lambda: d.keys().isdisjoint()); t(lambda: d.values().isdisjoint([]))
t(lambda: (d.keys() < {"a", "b", "c"}, d.keys() == {"a", "b"}, d.items() >= {("a", 1)}, d.keys() > {"a"}))
e = dict(d); e |= [("z", 9)]; e |= {"y": 8}
t(lambda: e)
def g(): e2 = {}; e2 |= 5
t(g)
