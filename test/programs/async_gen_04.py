# sys.set_asyncgen_hooks / get_asyncgen_hooks: firstiter at the first __anext__, the finalizer given a dying
# unfinished async generator instead of closing it (the finalizer then closes it with aclose()).
import sys, gc

def run(coro):
    sent = None
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            return e.value

print(sys.get_asyncgen_hooks())
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("ag finally")

pending = []
def firstiter(g):
    print("firstiter", type(g).__name__, g.__name__)
def finalizer(g):
    print("finalizer called for", g.__name__)
    pending.append(g)

try:
    sys.set_asyncgen_hooks(finalizer=1)
except TypeError as e:
    print(e)
try:
    sys.set_asyncgen_hooks(firstiter="x", finalizer=None)
except TypeError as e:
    print(e)
print(sys.set_asyncgen_hooks(firstiter, finalizer))
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h[1] is finalizer, type(h).__name__, len(h))
g = ag()
async def main():
    print(await g.__anext__())
run(main())
del g
print("after del, pending:", len(pending))
g2 = pending.pop()
async def closer():
    await g2.aclose()
run(closer())
print("closed")
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
g = ag()
run(main())
del g
print("end")
