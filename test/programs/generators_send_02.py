# send() and return values: StopIteration.value, priming errors, return inside try/finally, generators as coroutines.
def gen():
    received = yield "first"
    print("  got", repr(received))
    received = yield "second"
    print("  got", repr(received))
    return "done"

g = gen()
try:
    g.send("x")
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))
print(g.send(1))
try:
    g.send(2)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    g.send(3)
except StopIteration as e:
    print("after end:", e.value, e.args)

def returns_tuple():
    yield
    return 1, 2
r = returns_tuple()
next(r)
try:
    next(r)
except StopIteration as e:
    print(e.value, e.args)

def returns_none():
    yield 1
rn = returns_none()
next(rn)
try:
    next(rn)
except StopIteration as e:
    print(e.value, e.args)

def return_in_finally():
    try:
        yield 1
        return "from try"
    finally:
        print("  finally")
rf = return_in_finally()
next(rf)
try:
    next(rf)
except StopIteration as e:
    print(e.value)

def return_stopiteration():
    yield
    return StopIteration("as value")
rs = return_stopiteration()
next(rs)
try:
    next(rs)
except StopIteration as e:
    print(type(e.value).__name__, e.value)

def running_max():
    best = None
    while True:
        v = yield best
        if v is None:
            return best
        best = v if best is None or v > best else best
rm = running_max()
next(rm)
print([rm.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
try:
    rm.send(None)
except StopIteration as e:
    print("final max", e.value)

def grep(pattern):
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print("  grep closing with", matches)
        raise
gp = grep("py")
next(gp)
for line in ["python", "java", "pypy", "c"]:
    gp.send(line)
gp.close()
def send_to_finished():
    yield 1
sf = send_to_finished()
list(sf)
try:
    sf.send(None)
except StopIteration as e:
    print("finished generator send ->", type(e).__name__, e.args)
def yield_expr_values():
    results = []
    for _ in range(3):
        results.append((yield))
    yield results
ye = yield_expr_values()
next(ye)
ye.send("a")
ye.send("b")
print(ye.send("c"))
