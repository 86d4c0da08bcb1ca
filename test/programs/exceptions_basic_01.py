# try/except/else/finally flow, multiple handlers, tuples of types, bare raise, exception attributes.
def classify(thunk):
    try:
        result = thunk()
    except ZeroDivisionError as e:
        return f"zero: {e}"
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}: {e}"
    except Exception as e:
        return f"other {type(e).__name__}: {e}"
    else:
        return f"ok {result}"
    finally:
        print("  finally for", thunk.__name__ if hasattr(thunk, "__name__") else "?")

def div0(): return 1 // 0
def key(): return {}["k"]
def idx(): return [][3]
def attr(): return None.foo
def ok(): return 42
def typ(): return 1 + "a"
def val(): return int("x")
for t in [div0, key, idx, attr, ok, typ, val]:
    print(classify(t))

def reraise():
    try:
        raise ValueError("inner", 42)
    except ValueError as e:
        print("args:", e.args, "str:", str(e), "repr:", repr(e))
        raise
try:
    reraise()
except ValueError as e:
    print("reraised", e.args)

e = None
try:
    raise TypeError("bound")
except TypeError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)

try:
    raise ValueError
except ValueError as v:
    print(repr(v), v.args, str(v) == "")
try:
    raise KeyError("a", "b")
except LookupError as k:
    print(repr(k), str(k))
try:
    try:
        raise OSError(2, "No such file")
    except OSError as o:
        print(o.errno, o.strerror, o.args, str(o))
        raise RuntimeError("wrapped")
except RuntimeError as r:
    print(r, type(r.__context__).__name__)
def nested():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("loop", i)
        finally:
            print("finally", i)
    return "done"
print(nested())
try:
    raise StopIteration(5)
except StopIteration as s:
    print(s.value, s.args)
try:
    raise SystemExit(7)
except SystemExit as s:
    print("SystemExit code", s.code)
try:
    raise 5
except TypeError as t:
    print("TypeError", t)
