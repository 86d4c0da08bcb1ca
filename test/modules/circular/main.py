import a
import b
print(a.use_b(), b.later())
print(a.b is b, b.a is a)
try:
    from a import nothing
except ImportError as e:
    print(e)
