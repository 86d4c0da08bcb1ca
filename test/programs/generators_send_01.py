# send(): coroutine-style generators, priming with None, running averages, send errors.
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return (count, avg)

a = averager()
print(a.send(None))
print(a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("finished", e.value)

def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == "stop":
            return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send("stop")
except StopIteration as s:
    print(s.value)
fresh = echo()
try:
    fresh.send("too early")
except TypeError as err:
    print("TypeError", err)

def accumulate():
    total = 0
    while True:
        delta = yield total
        total += delta if delta is not None else 0
acc = accumulate()
next(acc)
print([acc.send(i) for i in range(1, 6)], next(acc))

def state_machine():
    state = "idle"
    while True:
        cmd = yield state
        if state == "idle" and cmd == "start":
            state = "running"
        elif state == "running" and cmd == "pause":
            state = "paused"
        elif state == "paused" and cmd == "start":
            state = "running"
        elif cmd == "stop":
            state = "stopped"
sm = state_machine()
print(next(sm), [sm.send(c) for c in ["pause", "start", "pause", "start", "stop"]])
def two_way():
    x = yield 1
    y = yield x * 2
    z = yield x + y
    yield (x, y, z)
tw = two_way()
print(next(tw), tw.send(5), tw.send(7), tw.send(9))
