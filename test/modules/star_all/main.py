from public import *
print(alpha, _hidden_but_listed, gamma)
print("beta" in globals(), "_private" in globals())
from noall import *
print(one, two, func())
print("_three" in globals(), "__dunder__" in globals(), "_sys" in globals())
try:
    from badall import *
except AttributeError as e:
    print(type(e).__name__, e)
print("exists" in globals())
try:
    from badtype import *
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(k for k in globals() if not k.startswith("__")))
