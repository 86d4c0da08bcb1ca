# Exception chaining: implicit __context__, explicit raise from (__cause__), raise from None, traceback attrs.
def show(e):
    print(type(e).__name__, repr(str(e)),
          "cause:", repr(e.__cause__), "context:", repr(e.__context__), "suppress:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    show(e)

try:
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("explicit") from k
except RuntimeError as e:
    show(e)

try:
    try:
        int("x")
    except ValueError:
        raise TypeError("hidden") from None
except TypeError as e:
    show(e)

try:
    raise IndexError("direct") from ValueError("made up cause")
except IndexError as e:
    show(e)

def three_levels():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise ValueError("b")
    except ValueError:
        raise TypeError("c")
try:
    three_levels()
except TypeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f"{type(cur).__name__}({cur})")
        cur = cur.__context__
    print(" <- ".join(chain))

try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError", e)

err = ValueError("manual")
err.__cause__ = KeyError("set by hand")
print(err.__suppress_context__, repr(err.__cause__))
e2 = RuntimeError("tb")
print(e2.__traceback__, e2.with_traceback(None) is e2)
try:
    raise e2
except RuntimeError as caught:
    print(caught.__traceback__ is not None, type(caught.__traceback__).__name__, caught.__traceback__.tb_lineno)
try:
    try:
        raise ValueError("same")
    except ValueError as v:
        raise v
except ValueError as v2:
    print("context of re-raised self:", v2.__context__)
