# Function attributes: __name__, __qualname__, __defaults__, __kwdefaults__, __code__.co_*, __dict__, __doc__.
def outer(a, b=2, *args, c, d=4, **kw):
    """Outer doc."""
    x = a + b
    def inner(y):
        return x + y
    return inner

print(outer.__name__, outer.__qualname__, outer.__defaults__, outer.__kwdefaults__, outer.__doc__)
co = outer.__code__
print(co.co_name, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_flags)
inner = outer(1, c=3)
print(inner.__name__, inner.__qualname__, inner.__code__.co_freevars, inner.__defaults__, inner.__doc__)
print(inner.__closure__[0].cell_contents, len(inner.__closure__), inner(10))
print(outer.__module__, type(outer).__name__, callable(outer), outer.__dict__)
outer.tag = "t"
print(outer.tag, outer.__dict__)
lam = lambda q, r=5: q
print(lam.__name__, lam.__qualname__, lam.__defaults__, lam.__code__.co_argcount, lam.__code__.co_varnames)
class K:
    def meth(self):
        def nested():
            pass
        return nested
    class Inner:
        def deep(self):
            pass
print(K.meth.__qualname__, K().meth().__qualname__, K.Inner.deep.__qualname__, K.Inner.__qualname__)
def g(p, /, q):
    pass
print(g.__code__.co_posonlyargcount, g.__code__.co_argcount, g.__defaults__, g.__kwdefaults__)
g.__defaults__ = (7,)
def h(x=1):
    return x
h.__defaults__ = (42,)
print(h(), g.__defaults__)
h.__name__ = "renamed"
print(h.__name__, h.__qualname__)
def gen():
    yield 1
print(gen.__code__.co_flags & 0x20 != 0, outer.__code__.co_flags & 0x20 != 0, outer.__code__.co_flags & 0x4 != 0, outer.__code__.co_flags & 0x8 != 0)
print(outer.__code__.co_firstlineno, inner.__code__.co_firstlineno, outer.__code__.co_filename)
