# sys basics that a VM must mirror: recursion limit, maxsize, version_info, byteorder, stdout/stderr objects.
import sys
print(sys.getrecursionlimit(), sys.maxsize, sys.maxsize == 2 ** 63 - 1, -sys.maxsize - 1)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(type(sys.argv).__name__, len(sys.argv) >= 1, sys.byteorder, type(sys.modules).__name__, "sys" in sys.modules)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.maxunicode, hasattr(sys.stdout, "write"), hasattr(sys.stderr, "write"))
print(sys.getdefaultencoding(), sys.stdout.encoding)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(type(sys.exc_info()).__name__, sys.exc_info())
try:
    raise KeyError("in exc_info")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v if hasattr(sys, "exception") else "n/a")
print(sys.exc_info()[0])
print(__name__, sys.modules["__main__"].__name__)
