import sys
import replaced
print(replaced, replaced.value, sys.modules["replaced"] is replaced)


class Fake:
    name = "fake module"


sys.modules["virtual"] = Fake
import virtual
print(virtual.name, virtual is Fake)
from virtual import name
print(name)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, repr(e.name))
import counted
import counted
del sys.modules["counted"]
import counted
print(sys.import_count)
print(list(sys.modules).index("counted") > list(sys.modules).index("replaced"))
