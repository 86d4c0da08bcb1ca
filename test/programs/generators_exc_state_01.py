# A generator's handled exception (sys.exc_info) is its own while it runs and is set aside at yield;
# exceptions raised in a generator chain to the caller's handled exception; close() of a generator
# that yields in `finally` raises RuntimeError and leaves no handled exception behind.
import sys

def name():
    e = sys.exc_info()[1]
    return None if e is None else type(e).__name__

def in_handler():
    try:
        raise ValueError("v")
    except ValueError:
        yield name()
        yield name()
    yield name()

g = in_handler()
print("first:", next(g), "caller after yield:", name())
try:
    raise KeyError("k")
except KeyError:
    print("resumed in caller's handler:", next(g), "caller:", name())
print("after handler:", next(g), "caller:", name())

def sees_caller():
    yield name()

try:
    raise IndexError("i")
except IndexError:
    print("generator sees caller's:", next(sees_caller()))

def raises():
    raise RuntimeError("in generator")
    yield

try:
    try:
        raise OSError("outer")
    except OSError:
        next(raises())
except RuntimeError as e:
    print("context:", type(e.__context__).__name__, e.__context__)

def reraiser():
    try:
        yield 1
    except TypeError:
        raise

r = reraiser()
next(r)
try:
    r.throw(TypeError("thrown"))
except TypeError as e:
    print("rethrown:", e, "caller now:", name())

def stubborn():
    try:
        yield 1
    finally:
        yield "again"

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e, "handled now:", name())
print("after:", name())

def gen_in_finally():
    try:
        yield 1
    finally:
        print("finally sees:", name())

f = gen_in_finally()
next(f)
f.close()
print("closed:", name())

def nested():
    try:
        raise ZeroDivisionError("z")
    except ZeroDivisionError:
        inner = in_handler()
        yield (name(), next(inner), name())
        yield (name(), next(inner), name())

n = nested()
print(next(n), name())
print(next(n), name())
for item in (x for x in [name()]):
    print("genexpr:", item)
print("end:", name())
