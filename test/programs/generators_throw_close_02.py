# throw() and close() edge cases: throw into unstarted/finished generators, yield in finally during close, throw types.
def g1():
    try:
        yield 1
    except ValueError as e:
        print("  g1 caught", repr(e))
        yield "recovered"
    yield "end"

g = g1()
try:
    g.throw(ValueError("before start"))
except ValueError as e:
    print("unstarted throw propagates:", e, g.gi_frame)
g = g1()
print(next(g), g.throw(ValueError("x")), next(g))
try:
    g.throw(KeyError("after end"))
except KeyError as e:
    print("finished throw:", repr(e))
g = g1()
next(g)
try:
    g.throw(TypeError)
except TypeError as e:
    print("class thrown:", repr(e))
g = g1()
next(g)
try:
    g.throw(ValueError, ValueError("inst"))
except Exception as e:
    print("unexpected", e)
print("two-arg throw handled")

def stubborn():
    try:
        yield 1
    finally:
        yield "yield during close"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def ignores():
    while True:
        try:
            yield
        except GeneratorExit:
            print("  ignoring GeneratorExit")
ig = ignores()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ig.throw(KeyError("finishes it"))
except KeyError as e:
    print("KeyError:", e, ig.gi_frame)

def clean():
    try:
        yield 1
    except GeneratorExit:
        print("  clean exit")
        return "return value ignored by close"
c = clean()
next(c)
print("close returns", c.close())
print("close again", c.close())
unstarted = clean()
print("close unstarted", unstarted.close(), unstarted.gi_frame)

def raises_other():
    try:
        yield
    except GeneratorExit:
        raise ValueError("replaced GeneratorExit")
ro = raises_other()
next(ro)
try:
    ro.close()
except ValueError as e:
    print("ValueError:", e)

def catches_stop():
    try:
        yield 1
    except StopIteration:
        yield "caught StopIteration thrown in"
cs = catches_stop()
next(cs)
print(cs.throw(StopIteration()))

def reraises_thrown():
    yield 1
rt = reraises_thrown()
next(rt)
try:
    rt.throw(StopIteration("thrown"))
except RuntimeError as e:
    print("RuntimeError:", e)
except StopIteration as e:
    print("StopIteration:", e)
try:
    g1().throw("not an exception")
except TypeError as e:
    print("TypeError:", e)
def finally_order():
    try:
        try:
            yield 1
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
fo = finally_order()
next(fo)
del fo
print("after del")
