# throw() and close(): GeneratorExit, finally blocks, handling thrown exceptions, errors on close.
def worker():
    try:
        while True:
            try:
                x = yield "ready"
                print("  got", x)
            except ValueError as e:
                print("  handled ValueError", e)
                yield "recovered"
    finally:
        print("  cleanup")

w = worker()
print(next(w))
print(w.send(1))
print(w.throw(ValueError("bad")))
print(next(w))
try:
    w.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated KeyError", e)
print(w.gi_frame is None)
try:
    next(w)
except StopIteration:
    print("exhausted")

w2 = worker()
next(w2)
w2.close()
print("closed", w2.gi_frame is None)
w2.close()
unstarted = worker()
unstarted.close()
print("closing unstarted runs no finally")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  ignoring GeneratorExit")
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
print("finish it:", list(s))

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  exiting cleanly")
        return "ignored value"
r = returns_on_exit()
next(r)
print(r.close())

def catch_and_return():
    try:
        yield 1
    except ZeroDivisionError:
        return "caught zde"
c = catch_and_return()
next(c)
try:
    c.throw(ZeroDivisionError)
except StopIteration as e:
    print("StopIteration", e.value)
def g():
    yield 1
gg = g()
try:
    gg.throw(TypeError("before start"))
except TypeError as e:
    print("TypeError", e, gg.gi_frame is None)
