# Chaining in depth: implicit contexts through nested handlers, __suppress_context__, cause set from a class, finally contexts.
def chain(e):
    out = []
    while e is not None:
        link = "cause" if e.__cause__ is not None else ("context" if e.__context__ is not None and not e.__suppress_context__ else "end")
        out.append(f"{type(e).__name__}({', '.join(map(str, e.args))})[{link}]")
        e = e.__cause__ if e.__cause__ is not None else (None if e.__suppress_context__ else e.__context__)
    return " -> ".join(out)

try:
    try:
        raise KeyError("k")
    except KeyError as k:
        raise ValueError("v") from KeyError
except ValueError as e:
    print(chain(e), type(e.__cause__).__name__, e.__cause__.args, e.__context__ is not e.__cause__)

try:
    try:
        raise OSError("io")
    except OSError:
        try:
            raise TypeError("t")
        except TypeError:
            raise RuntimeError("r")
except RuntimeError as e:
    print(chain(e))

try:
    try:
        raise ValueError("first")
    except ValueError as e1:
        err = TypeError("second")
        err.__suppress_context__ = True
        raise err
except TypeError as e:
    print(chain(e), repr(e.__context__))

try:
    try:
        raise ValueError("a")
    finally:
        raise KeyError("from finally")
except KeyError as e:
    print(chain(e))

def no_context_outside_handler():
    try:
        raise ValueError("inner")
    except ValueError:
        pass
    try:
        raise TypeError("after handler")
    except TypeError as e:
        return e.__context__
print("context outside handler:", no_context_outside_handler())

try:
    try:
        raise ValueError("x")
    except ValueError as v:
        raise v from v
except ValueError as e:
    print("self cause:", e.__cause__ is e, e.__context__)

try:
    e = ValueError("reused")
    try:
        raise e
    except ValueError:
        try:
            raise KeyError("k2")
        except KeyError as k:
            raise e from None
except ValueError as got:
    print(chain(got), got.__suppress_context__, repr(got.__context__))

def gen():
    try:
        yield 1
    except GeneratorExit:
        raise RuntimeError("in close")
g = gen()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(chain(e))

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ArithmeticError("wrapped") from z
except ArithmeticError as e:
    print(chain(e), e.__cause__ is e.__context__)
err = RuntimeError("manual")
err.__context__ = ValueError("manual context")
print(chain(err), err.__suppress_context__)
err.__cause__ = None
print(err.__suppress_context__)
try:
    err.__cause__ = "not an exception"
except TypeError as e:
    print("TypeError:", e)
try:
    err.__context__ = 5
except TypeError as e:
    print("TypeError:", e)
