# RecursionError raised inside C-level calls of Python objects (__call__, __init__, __eq__, __repr__): CPython's message names
# the C call site ("while calling a Python object", "in comparison"); which check trips first depends on the exact frame depth.
class Call:
    def __call__(self):
        return self()
try:
    Call()()
except RecursionError as e:
    print("__call__:", e)
class Init:
    def __init__(self):
        Init()
try:
    Init()
except RecursionError as e:
    print("__init__:", e)
class Eq:
    def __eq__(self, other):
        return self == other
try:
    Eq() == 1
except RecursionError as e:
    print("__eq__:", e)
class Repr:
    def __repr__(self):
        return repr(self)
try:
    repr(Repr())
except RecursionError as e:
    print("__repr__:", e)
class Attr:
    def __getattr__(self, name):
        return getattr(self, name)
try:
    Attr().missing
except RecursionError as e:
    print("__getattr__:", e)
print("recovered", [1, 2] == [1, 2])
