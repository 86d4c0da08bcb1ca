# None, NotImplemented and Ellipsis: identity, reprs, types, truthiness (None/Ellipsis), use as sentinels, type() calls.
print(None, repr(None), str(None), type(None).__name__, type(None)() is None, None is None, None == None, None != 0)
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__, type(NotImplemented)() is NotImplemented)
print(Ellipsis, ..., repr(...), type(...).__name__, ... is Ellipsis, type(...)() is Ellipsis, bool(...), bool(None))
for obj in [None, NotImplemented, Ellipsis]:
    try:
        obj.attr = 1
    except AttributeError as e:
        print("AttributeError:", e)
try:
    type(None)(1)
except TypeError as e:
    print("TypeError:", e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print("TypeError:", e)
try:
    nothing[0]
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in None:
        pass
except TypeError as e:
    print("TypeError:", e)
print(None.__class__.__name__, None.__bool__(), NotImplemented.__class__.__name__, Ellipsis.__class__.__name__, None.__eq__(None), None.__eq__(0))
print([None] * 3, (None,), {None: None}, {None}, [..., ...], (..., NotImplemented))
def f(x=None):
    return "default" if x is None else x
print(f(), f(0), f(...), f(None))
class A:
    def __eq__(self, o):
        return NotImplemented
    def __add__(self, o):
        return NotImplemented
print(A() == A(), A() != A(), A().__eq__(1), A().__add__(1) is NotImplemented)
try:
    A() + 1
except TypeError as e:
    print("TypeError:", e)
print((1).__eq__("x"), (1).__add__("x"), "s".__eq__(1), [].__eq__(()), 5 .__lt__(None))
x = [1, 2, 3]
print(x[...] if False else "no ellipsis indexing on lists", {...: "key"}[...], str(...) + "!", [...][0] is ...)
def stub():
    ...
print(stub(), stub.__code__.co_consts)
print(None.__hash__() == hash(None), hash(...) == hash(Ellipsis), type(hash(NotImplemented)).__name__)
