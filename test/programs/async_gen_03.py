# Dropping coroutines and async generators: the RuntimeWarning for a coroutine that was never
# awaited (on stderr, once per line), finalization of a suspended async generator (its finally
# runs), and async generators / their awaitables caught in reference cycles (gc.collect()).
import gc


class Tick:
    def __await__(self):
        got = yield "tick"
        return got


def run(coro):
    sent = None
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("  loop:", y)


async def job(n):
    return n * 2


class Service:
    async def fetch(self):
        return "data"


def make_local():
    async def local_job():
        return 1
    return local_job


def forgets():
    job(1)          # never awaited: warned at this line
    print("forgets: after the call")


forgets()
forgets()           # same line again: the registry keeps it from printing twice
Service().fetch()
make_local()()


async def careless():
    job(2)
    v = await job(3)
    print("careless awaited", v)
    return v


print("careless ->", run(careless()))

c = job(4)
c.close()           # closed before it started: no warning
print("closed coroutine, no warning")
c = job(5)
try:
    c.send(None)
except StopIteration as e:
    print("awaited by hand:", e.value)
del c
reg = globals()["__warningregistry__"]
print("registry:", sorted((k[0], k[1].__name__, k[2]) for k in reg if k != "version"), reg["version"])


async def resource(name):
    print("  open", name)
    try:
        for i in range(3):
            yield i
    finally:
        print("  close", name)


async def partial():
    async for v in resource("r1"):
        print("got", v)
        if v == 1:
            break
    print("after break")


run(partial())


async def holder():
    g = resource("r2")
    print("first:", await g.__anext__())
    del g
    print("dropped r2")

run(holder())


async def selfref():
    me = []
    me.append(me)
    try:
        yield me
        yield 2
    finally:
        print("  selfref finally")

gc.collect()
s = selfref()
n = s.__anext__()
try:
    n.send(None)
except StopIteration as e:
    e.value.append(s)        # the frame's list now refers to the generator: a cycle
    e.value.append(n)
del s, n
print("collecting")
gc.collect()
print("collected")


class Node:
    pass


node = Node()
node.agen = resource("r3")
node.step = node.agen.__anext__()
node.agen_attr = node
node.thrower = node.agen.athrow(ValueError)
node.anext = anext(node.agen, None)
del node
gc.collect()
print("unstarted in a cycle: nothing to close")

node = Node()
node.agen = resource("r4")
run(node.agen.__anext__())
node.me = node
del node
gc.collect()
print("end")
