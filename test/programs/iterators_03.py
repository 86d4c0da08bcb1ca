# __length_hint__ of builtin iterators (list, reversed list, tuple, str, bytes, bytearray, dict, set, range, iterator, reversed) and iterator type names.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
l = [1, 2, 3]
li = iter(l)
t(lambda: li.__length_hint__())
l.append(4)
t(lambda: (li.__length_hint__(), next(li), li.__length_hint__()))
rl = reversed(l)
next(rl)
t(lambda: rl.__length_hint__())
l.clear()
t(lambda: (rl.__length_hint__(), li.__length_hint__(), list(li), li.__length_hint__()))
t(lambda: (iter((1, 2)).__length_hint__(), iter(b"ab").__length_hint__(), iter(bytearray(b"ab")).__length_hint__()))
t(lambda: (iter({1: 2}).__length_hint__(), iter({1: 2}.values()).__length_hint__(), iter({1: 2}.items()).__length_hint__(), iter({1, 2, 3}).__length_hint__()))
t(lambda: (iter("é").__length_hint__(), iter("abc").__length_hint__(), iter(range(5)).__length_hint__(), iter(range(10 ** 20)).__length_hint__()))
it = iter(range(10 ** 20, 10 ** 20 + 3))
next(it)
t(lambda: (it.__length_hint__(), list(it), it.__length_hint__()))
t(lambda: (reversed((1, 2, 3)).__length_hint__(), type(reversed((1, 2, 3))).__name__, reversed(range(4)).__length_hint__()))
class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError
class SizedSeq(Seq):
    def __len__(self):
        return 5
t(lambda: iter(Seq()).__length_hint__())
s = iter(SizedSeq())
next(s)
t(lambda: (s.__length_hint__(), list(s), s.__length_hint__()))
t(lambda: (reversed(SizedSeq()).__length_hint__(), type(reversed(SizedSeq())).__name__))
t(lambda: iter([]).__length_hint__(1))
t(lambda: [hasattr(x, "__length_hint__") for x in [enumerate([]), zip(), map(len, []), filter(None, [])]])
t(lambda: [type(x).__name__ for x in [iter(""), iter("e"), iter("é"), iter("日本"), iter(b""), iter(bytearray()), iter(range(3)), iter(range(2 ** 64)), reversed(range(2 ** 64))]])
t(lambda: (isinstance(iter("é"), type(iter("é"))), type(iter("é")) is type(iter("e")), type(iter("é")).__mro__))
t(lambda: (list(iter("añb")), list(iter(bytearray(b"xy"))), next(iter("é"))))
