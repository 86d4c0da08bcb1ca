import dynamic
print(dynamic.REAL, dynamic.auto_one)
from dynamic import auto_two, REAL
print(auto_two, REAL)
print(getattr(dynamic, "auto_three"), hasattr(dynamic, "other"))
try:
    dynamic.other
except AttributeError as e:
    print(type(e).__name__, e)
try:
    from dynamic import other
except ImportError as e:
    print(type(e).__name__, e)
