# Async generators driven by a hand-written event loop (no asyncio): async for, async
# comprehensions, __anext__/asend, aiter()/anext(), attributes and reprs.
import types


class Tick:
    """An awaitable that suspends once, handing 'tick' to the loop."""
    def __await__(self):
        got = yield "tick"
        return got


def run(coro):
    """Resumes coro until it returns; every value it yields to the loop is logged."""
    sent = None
    n = 0
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            return e.value
        n += 1
        print("  loop:", y)
        sent = "resumed-%d" % n


async def counter(n):
    for i in range(n):
        r = await Tick()
        print("  counter got", r)
        yield i * 10


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
            if v == "stop":
                break
    finally:
        print("  echo finally", received)


async def main():
    total = []
    async for v in counter(3):
        total.append(v)
    print("async for:", total)
    print("listcomp:", [v + 1 async for v in counter(2)])
    print("setcomp:", sorted({v async for v in counter(2)}))
    print("dictcomp:", {v: str(v) async for v in counter(2) if v > 0})
    print("nested:", [(a, b) async for a in counter(2) for b in "xy"])
    e = echo()
    print("first", await e.__anext__())
    print("asend a", await e.asend("a"))
    print("asend b", await e.asend("b"))
    try:
        await e.asend("stop")
    except StopAsyncIteration as exc:
        print("asend stop ->", type(exc).__name__, exc.args)
    try:
        await e.__anext__()
    except StopAsyncIteration:
        print("exhausted again")
    c = counter(2)
    print("aiter is self:", aiter(c) is c)
    print("anext:", await anext(c))
    print("anext default:", await anext(c, "dflt"))
    print("anext default at end:", await anext(c, "dflt"))
    try:
        await anext(c)
    except StopAsyncIteration:
        print("anext at end raises StopAsyncIteration")
    return "main done"


print(run(main()))

g = counter(1)
print(type(g).__name__, type(g) is types.AsyncGeneratorType)
print(repr(g).startswith("<async_generator object counter at 0x"))
print(g.__name__, g.__qualname__, g.ag_code.co_name, g.ag_running, g.ag_await)
print(type(g.ag_frame).__name__, g.ag_frame.f_lineno)
n = g.__anext__()
print(type(n).__name__, repr(n).startswith("<async_generator_asend object at 0x"))
print(n.__await__() is n, iter(n) is n)
print("send ->", n.send(None))
print("running while awaiting:", g.ag_running, type(g.ag_await).__name__)
try:
    n.send("x")
except StopIteration as e:
    print("StopIteration value", e.value, g.ag_running, g.ag_await)
try:
    n.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
t = g.athrow(ValueError)
print(type(t).__name__, repr(t).startswith("<async_generator_athrow object at 0x"))
print(type(g.aclose()).__name__)
a = anext(g, 0)
print(type(a).__name__, repr(a).startswith("<anext_awaitable object at 0x"))
g.__name__ = "renamed"
print(g.__name__, g.__qualname__)
try:
    aiter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    anext([])
except TypeError as e:
    print("TypeError:", e)
try:
    for x in counter(1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Tick()
        return self.n


async def custom():
    print([v async for v in Countdown(2)])
    it = aiter(Countdown(1))
    print(await anext(it, "none"), await anext(it, "none"))
    return "custom done"


print(run(custom()))


class BadAiter:
    def __aiter__(self):
        return 42


try:
    aiter(BadAiter())
except TypeError as e:
    print("TypeError:", e)
