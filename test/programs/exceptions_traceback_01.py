# Traceback objects of caught exceptions: tb_lineno/tb_next chains, frame names, re-raising adds frames, with_traceback.
def level3():
    raise ValueError("deep")

def level2():
    level3()

def level1():
    level2()

def frames(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out

try:
    level1()
except ValueError as e:
    print(frames(e.__traceback__))
    saved = e

def reraiser():
    try:
        level3()
    except ValueError:
        raise

try:
    reraiser()
except ValueError as e:
    print(frames(e.__traceback__))

def raise_saved():
    raise saved

try:
    raise_saved()
except ValueError as e:
    print(len(frames(e.__traceback__)), frames(e.__traceback__)[:2])

fresh = KeyError("fresh")
print(fresh.__traceback__)
try:
    raise fresh.with_traceback(None)
except KeyError as e:
    print(frames(e.__traceback__))

def tb_of(fn):
    try:
        fn()
    except Exception as e:
        return e.__traceback__

tb = tb_of(level2)
try:
    raise RuntimeError("with old tb").with_traceback(tb)
except RuntimeError as e:
    print(frames(e.__traceback__))

def gen():
    yield 1
    raise LookupError("from generator")
try:
    for _ in gen():
        pass
except LookupError as e:
    print(frames(e.__traceback__))
try:
    [1 // x for x in (1, 0)]
except ZeroDivisionError as e:
    print(frames(e.__traceback__))
class K:
    def method(self):
        return {}["missing"]
try:
    K().method()
except KeyError as e:
    f = e.__traceback__.tb_next.tb_frame
    print(frames(e.__traceback__), f.f_code.co_qualname if hasattr(f.f_code, "co_qualname") else "?", type(f.f_locals["self"]).__name__)
print(type(tb).__name__, type(tb.tb_frame).__name__, tb.tb_frame.f_code.co_name, tb.tb_lasti >= 0)
