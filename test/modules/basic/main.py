import sys
import helper
import helper
import helper as h2

print(helper is h2, helper is sys.modules["helper"])
print(type(helper), type(helper).__name__)
print(repr(helper))
print(helper.__name__, helper.__doc__, repr(helper.__package__))
print(helper.__file__, helper.__cached__)
print([k for k in helper.__dict__ if not k.startswith("__")])
print([k for k in dir(helper) if not k.startswith("__")])
print(helper.bump(), helper.bump(), helper.counter)
helper.counter = 10
print(helper.bump())
helper.extra = "added"
print(helper.extra, vars(helper)["extra"], "extra" in helper.__dict__)
del helper.extra
print(hasattr(helper, "extra"))
print("helper" in sys.modules, "__main__" in sys.modules, sys.modules["__main__"].__name__)
print(__name__, repr(sys.modules[__name__])[:17])
print(helper.VALUE is h2.VALUE)
print(type(helper.__builtins__), type(__builtins__))
