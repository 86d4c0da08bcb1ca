# Seed chapter 23.15: co_flags of normal functions, generators and coroutines.
def normal():
    return 1

def gen():
    yield 1

async def coro():
    return 1

print(normal.__code__.co_flags)
print(gen.__code__.co_flags)
print(coro.__code__.co_flags)
print(type(gen()).__name__, normal())
