# async for / async with / __await__ driven by hand: coroutine attributes, the __await__ wrapper, reuse and protocol errors.
class Yield:
    def __await__(self):
        v = yield "tick"
        return v

async def a():
    return await Yield()

c = a()
print(type(c).__name__, c.cr_running, c.cr_frame is not None, c.cr_await, c.cr_suspended)
print(c.send(None), type(c.cr_await).__name__, c.cr_suspended)
try:
    c.send(5)
except StopIteration as e:
    print("stop", e.value, c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
w = a().__await__()
print(type(w).__name__, next(w), iter(w) is w)
try:
    w.send(7)
except StopIteration as e:
    print("wrapper stop", e.value)

class AIter:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        await Yield()
        return self.i

class ACM:
    async def __aenter__(self):
        print("enter")
        return "res"
    async def __aexit__(self, *a):
        print("exit", a[0])
        return False

async def main():
    out = []
    async for x in AIter():
        out.append(x)
    async with ACM() as r:
        out.append(r)
    try:
        async with ACM():
            raise KeyError("k")
    except KeyError:
        out.append("caught")
    return out

def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return steps, e.value
print(run(main()))

async def bad_for():
    async for x in 5:
        pass
async def bad_with():
    async with 5:
        pass
class NoAnext:
    def __aiter__(self):
        return 1
async def bad_aiter():
    async for x in NoAnext():
        pass
for f in (bad_for, bad_with, bad_aiter):
    try:
        f().send(None)
    except TypeError as e:
        print("TypeError:", e)

async def inner():
    await Yield()
    return "inner done"
async def outer():
    return await inner()
o = outer()
o.send(None)
print(type(o.cr_await).__name__, o.cr_await.__name__)
try:
    o.throw(ValueError("into inner"))
except ValueError as e:
    print("ValueError", e)
o2 = outer()
o2.send(None)
o2.close()
print("closed", o2.cr_frame, o2.cr_await)
