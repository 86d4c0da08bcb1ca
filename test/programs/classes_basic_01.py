# Classes: __init__, methods, class vs instance attributes, bound methods, type(x).__name__.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, tricks=None):
        self.name = name
        self.tricks = list(tricks or [])
        Dog.count += 1
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def describe(self):
        return f"{self.name} ({self.species}) knows {', '.join(self.tricks) or 'nothing'}"

a = Dog("Rex")
b = Dog("Fido", ["sit"])
a.add_trick("roll").add_trick("beg")
print(a.describe())
print(b.describe())
print(Dog.count, a.count, type(a).__name__, type(a) is Dog, isinstance(a, Dog), isinstance(a, object))
a.species = "wolf"
print(a.species, b.species, Dog.species, "species" in vars(a), sorted(vars(b)))
Dog.species = "CANIS"
print(a.species, b.species)
del a.species
print(a.species)
m = b.describe
print(m(), m.__self__ is b, m.__func__ is Dog.describe, type(m).__name__, Dog.describe(b) == m())
print(Dog.__name__, Dog.__qualname__, Dog.__module__, Dog.__bases__, Dog.__doc__)
class Empty:
    pass
e = Empty()
e.x = 1
e.y = [2]
print(vars(e), e.__dict__ is vars(e), Empty.__bases__[0].__name__, type(Empty).__name__)
try:
    e.missing
except AttributeError as err:
    print("AttributeError", err)
try:
    Dog()
except TypeError as err:
    print("TypeError", err)
print(getattr(e, "x"), getattr(e, "nope", "dflt"), hasattr(e, "y"), hasattr(e, "z"))
setattr(e, "z", 3)
delattr(e, "x")
print(vars(e))
print(a == a, a == b, a != b, bool(a))
