# isinstance/issubclass: nested tuples, unions (int | str), abstract-like __instancecheck__/__subclasscheck__, error messages.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, (A,)))), isinstance(b, ()), isinstance(1, (bool, int)))
print(issubclass(B, A), issubclass(B, (C, A)), issubclass(B, ()), issubclass(bool, (str, (float, int))), issubclass(A, B), issubclass(A, A))
print(isinstance(1, int | str), isinstance("s", int | None), isinstance(None, int | None), issubclass(bool, int | str), type(int | str).__name__, int | str)
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, int), isinstance(int, type), isinstance(type, object), isinstance(object, type))
print(issubclass(type, object), issubclass(object, type), issubclass(int, object), isinstance(B, type), isinstance(len, object))
for args in [(1, 1), (1, "int"), (1, (int, 2)), (1, [int])]:
    try:
        isinstance(*args)
    except TypeError as e:
        print("isinstance", args, "TypeError:", e)
for args in [(1, int), (int, 1), (int, (int, 1)), (B, [A])]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print("issubclass", args, "TypeError:", e)
class Meta(type):
    def __instancecheck__(cls, obj):
        print("  __instancecheck__", type(obj).__name__)
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        print("  __subclasscheck__", sub.__name__)
        return hasattr(sub, "quack")
class Duck(metaclass=Meta): pass
class Mallard:
    quack = True
print(isinstance(Mallard(), Duck), isinstance(5, Duck), issubclass(Mallard, Duck), issubclass(int, Duck))
print(isinstance(Duck(), Duck), isinstance(Mallard(), (int, Duck)))
class Proxy:
    @property
    def __class__(self):
        return A
p = Proxy()
print(isinstance(p, A), isinstance(p, Proxy), type(p) is Proxy, p.__class__.__name__)
print([isinstance(x, (list, tuple)) for x in [[], (), "", {}, range(1)]], [type(x).__name__ for x in [[], (), "", {}, range(1), 2.0]])
