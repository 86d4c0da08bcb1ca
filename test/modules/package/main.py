import sys
import pkg.mod
print(pkg.TOP, pkg.mod.hello(), pkg.__doc__)
print(repr(pkg), repr(pkg.mod))
print(pkg.__path__, pkg.__file__, pkg.__package__, pkg.__cached__)
print(pkg.mod.__package__, hasattr(pkg.mod, "__path__"))
import pkg.sub.deep as d
print(d.DEPTH, d is pkg.sub.deep, d.__name__)
from pkg import mod
print(mod is pkg.mod)
from pkg.sub import deep
print(deep is d)
try:
    pkg.later
except AttributeError as e:
    print(type(e).__name__, e)
from pkg import later
print(later.LATER, pkg.later is later)
print(sorted(k for k in sys.modules if k.startswith("pkg")))
print(sorted(k for k in vars(pkg) if not k.startswith("__")))
import pkg.sub
print(pkg.sub.__name__, pkg.sub.__path__)
try:
    import pkg.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, repr(e.name))
try:
    from pkg import nothing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkg.mod.inner
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
