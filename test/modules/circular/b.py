print("b: start")
import a

print("b: a is partial:", hasattr(a, "A_VALUE"), a.__name__)
try:
    a.A_VALUE
except AttributeError as e:
    print("b:", type(e).__name__, e)
try:
    from a import A_VALUE
except ImportError as e:
    print("b:", type(e).__name__, e)
    print("b:", repr(e.name), e.path)
B_VALUE = "from b"


def later():
    return a.A_VALUE


print("b: end")
