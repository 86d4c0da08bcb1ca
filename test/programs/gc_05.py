# Cycles through object kinds and layouts the collector must traverse: classes (their
# __dict__/__weakref__ descriptors own a reference to the class), __slots__ instances, member
# descriptors, coroutines, generic aliases, frames' f_locals, builtin-subclass attributes.
import gc
import sys

gc.collect()
gc.disable()


def collect(label):
    print(label, gc.collect())


class N:
    pass


del N
collect("empty class")


class S:
    __slots__ = ("a", "b")


s = S()
s.a = s
s.b = [s]
del s
collect("slots self-cycle")

t = S()
u = S()
t.a = u
u.a = t
t.b = u.b = None
del t, u
collect("slots pair")


class Slotted:
    __slots__ = ("x",)


del Slotted
collect("class with slots")


class D:
    def __del__(self):
        print("D.__del__", type(self).__name__)


d = D()
d.me = d
del d
collect("__del__ self-cycle")


class Base:
    def m(self):
        return 1


class Derived(Base):
    pass


del Derived
collect("subclass")
del Base
collect("base")


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    x = [1, 2]


del WithMeta
collect("metaclass instance")
del Meta
collect("metaclass")


class Wait:
    def __await__(self):
        yield "suspended"


async def coro(box):
    await Wait()
    return box


box = []
c = coro(box)
print(c.send(None))
box.append(c)
del box, c
collect("suspended coroutine cycle")

box = []
c = coro(box)
w = c.__await__()
print(w.send(None))
box.append(w)
del box, w, c
collect("coroutine wrapper cycle")

box = []
c = coro(box)
box.append(c)
del box
c.close()
del c
collect("closed coroutine")


class L(list):
    pass


lst = L()
lst.me = lst
del lst
collect("list subclass attribute cycle")

alias = []
alias.append(list[alias])
del alias
collect("generic alias cycle")


def frame_cycle():
    try:
        raise ValueError("x")
    except ValueError as e:
        return e


e = frame_cycle()
del e
collect("exception")

holder = []
try:
    raise KeyError("k")
except KeyError as exc:
    holder.append(exc)
    holder.append(exc.__traceback__)
holder.append(holder)
del holder
collect("traceback holder")


class Many:
    __slots__ = ("p", "q", "r")

    def __init__(self, other):
        self.p = other
        self.q = {"k": self}
        self.r = (self,)


objs = [Many(None) for _ in range(5)]
for i in range(5):
    objs[i].p = objs[(i + 1) % 5]
del objs, i
collect("slots ring")

for i in range(3):
    class Temp:
        def f(self):
            return self
    obj = Temp()
    obj.bound = obj.f
    del obj, Temp
    collect("temp class " + str(i))

class Text(str):
    pass


class Num(int):
    pass


txt = Text("x")
txt.me = txt
num = Num(3)
num.box = [num, (txt,)]
del txt, num
collect("str and int subclass attribute cycles")

gc.enable()
print("done", gc.collect())
