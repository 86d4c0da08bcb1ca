# Async generators: athrow()/aclose(), the awaitables' send/throw/close, and their errors
# (reuse, "already running", ignored GeneratorExit, StopAsyncIteration/StopIteration raised
# inside), ending with an uncaught error whose traceback goes through the async generator.


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
        sent = None


async def one():
    yield 1


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  stubborn caught GeneratorExit")
        yield 5


async def catcher():
    try:
        yield 1
    except ValueError as e:
        print("  catcher caught", repr(e))
        yield 7
    except KeyError:
        print("  catcher KeyError, returning")
        return
    yield 8


async def cleanup():
    try:
        yield "a"
        yield "b"
    finally:
        print("  cleanup: finally, awaiting in it")
        await Tick()
        print("  cleanup: done")


async def raises_sai():
    yield 0
    raise StopAsyncIteration("inner")


async def raises_si():
    raise StopIteration(3)
    yield 1


async def main():
    g = one()
    async for x in g:
        print("item", x)
    print("athrow on exhausted ->", await g.athrow(ValueError))
    print("aclose on exhausted ->", await g.aclose())
    g = one()
    print("aclose unstarted ->", await g.aclose())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    g = one()
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("athrow into unstarted raised", repr(e))
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    g = catcher()
    await g.__anext__()
    print("athrow answered with", await g.athrow(ValueError, "v"))
    print("then", await g.__anext__())
    g = catcher()
    await g.__anext__()
    try:
        await g.athrow(KeyError)
    except StopAsyncIteration:
        print("athrow ended the generator: StopAsyncIteration")
    g = cleanup()
    print("cleanup first", await g.__anext__())
    print("aclose ->", await g.aclose())
    print("aclose again ->", await g.aclose())
    for f in (raises_sai, raises_si):
        g = f()
        try:
            async for v in g:
                print("value", v)
        except RuntimeError as e:
            print("RuntimeError:", e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)
    g = one()
    try:
        await g.asend(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await g.athrow(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await g.athrow()
    except TypeError as e:
        print("TypeError:", e)
    # CPython leaves the generator marked running after that argument error:
    try:
        g.aclose().send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await anext(one(), 9), await anext(g, 9) if False else "skipped")
    return "main done"


print(run(main()))

# The awaitables driven directly.
g = cleanup()
n = g.__anext__()
try:
    n.send(None)
except StopIteration as e:
    print("first value", e.value)
n2 = g.__anext__()
print("asend.throw passes the finally's await through:", n2.throw(ValueError("thrown into asend")))
try:
    n2.send(None)
except ValueError as e:
    print("then the ValueError comes out:", repr(e))
try:
    n2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print("close ->", n.close(), n2.close())
g = catcher()
n = g.__anext__()
try:
    n.send(None)
except StopIteration as e:
    print("catcher first", e.value)
try:
    g.__anext__().throw(ValueError("direct"))
except StopIteration as e:
    print("asend.throw answered", e.value)
n = g.asend("ignored")
n.close()
try:
    n.send(None)
except RuntimeError as e:
    print("after close:", e)

g = cleanup()
run(g.__anext__())
c = g.aclose()
print("aclose step:", c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("aclose finished", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

g = catcher()
run(g.__anext__())
t = g.athrow(ValueError("x"))
try:
    t.send(1)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    t.send(None)
except StopIteration as e:
    print("athrow gave", e.value)
t2 = g.athrow(ValueError)
try:
    t2.throw(KeyError)
except KeyError as e:
    print("athrow.throw raised", repr(e), "with context", repr(e.__context__))
try:
    t2.throw(KeyError("again"))
except KeyError as e:
    print("the finished generator raises it as it is:", repr(e))

g = stubborn()
run(g.__anext__())
c = g.aclose()
try:
    c.throw(GeneratorExit)
except RuntimeError as e:
    print("RuntimeError:", e)

g = one()
n1 = g.__anext__()
n1.send(None) if False else None
g2 = cleanup()
a1 = g2.__anext__()
try:
    a1.send(None)
except StopIteration:
    pass
a2 = g2.__anext__()
try:
    a2.send(None)
except StopIteration:
    pass
c = g2.aclose()
print("cleanup aclose yields", c.send(None))
try:
    g2.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    g2.athrow(ValueError).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def deep(n):
    if n == 0:
        yield 1 / 0
    async for v in deep(n - 1):
        yield v


async def final():
    async for v in deep(2):
        print(v)

run(final())
