# async def / await driven by hand (no asyncio): awaitables, coroutine results, a tiny round-robin scheduler.
class Yield:
    def __await__(self):
        value = yield "tick"
        return value

async def add_later(a, b):
    got = await Yield()
    return a + b + (got or 0)

c = add_later(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.send(None))
try:
    c.send(100)
except StopIteration as e:
    print("result", e.value)

async def worker(name, steps, log):
    for i in range(steps):
        log.append(f"{name}{i}")
        await Yield()
    return f"{name} done"

async def main(log):
    first = await worker("m", 1, log)
    return [first, await add_later(10, 20)]

def run(tasks):
    results = {}
    queue = list(tasks.items())
    while queue:
        name, coro = queue.pop(0)
        try:
            coro.send(None)
            queue.append((name, coro))
        except StopIteration as e:
            results[name] = e.value
    return results
log = []
print(run({"a": worker("a", 3, log), "b": worker("b", 2, log), "main": main(log)}))
print(log)

async def fails():
    await Yield()
    raise ValueError("inside coroutine")
f = fails()
f.send(None)
try:
    f.send(None)
except ValueError as e:
    print("ValueError", e)
async def thrower():
    try:
        await Yield()
    except KeyError as e:
        return f"caught {e}"
t = thrower()
t.send(None)
try:
    t.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
async def never():
    return 1
n = never()
n.close()
print("closed unstarted coroutine")
try:
    class NotAwaitable:
        pass
    async def bad():
        await NotAwaitable()
    bad().send(None)
except TypeError as e:
    print("TypeError", e)
print(add_later.__code__.co_flags & 0x80 != 0)
