try:
    import does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e, repr(e.name), e.path)
try:
    import does_not_exist
except ImportError as e:
    print(isinstance(e, ModuleNotFoundError), e.msg)
try:
    from plain import y
except ImportError as e:
    print(type(e).__name__, e)
    print(repr(e.name), e.path)
try:
    import plain.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, repr(e.name))
try:
    from plain import x, y
except ImportError as e:
    print(e)
import sys
print("does_not_exist" in sys.modules, "plain" in sys.modules)
import missing_at_the_end
print("not reached")
