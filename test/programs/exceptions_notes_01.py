# add_note() and __notes__ (new in 3.11): notes accumulate, must be str, survive re-raising, notes on custom exceptions.
e = ValueError("base")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), repr(e))
try:
    e.add_note(42)
except TypeError as t:
    print("TypeError:", t)

def parse(items):
    out = []
    for i, item in enumerate(items):
        try:
            out.append(int(item))
        except ValueError as err:
            err.add_note(f"while parsing item {i}: {item!r}")
            raise
    return out

try:
    parse(["1", "2", "x3"])
except ValueError as err:
    print(err, err.__notes__)

class Custom(Exception):
    pass
c = Custom("c")
c.__notes__ = ["assigned directly"]
c.add_note("added")
print(c.__notes__)
try:
    try:
        raise KeyError("inner")
    except KeyError as k:
        k.add_note("inner note")
        raise RuntimeError("outer") from k
except RuntimeError as r:
    print(hasattr(r, "__notes__"), r.__cause__.__notes__)
bad = Exception("bad notes")
bad.__notes__ = "not a list"
try:
    bad.add_note("x")
except TypeError as t:
    print("TypeError:", t)
del e.__notes__
print(hasattr(e, "__notes__"))
eg = ExceptionGroup("group", [ValueError(1)])
eg.add_note("group note")
print(eg.__notes__, eg.exceptions[0].args)
