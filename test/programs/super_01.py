# Cooperative super() with **kwargs through a diamond, super in classmethods, explicit two-arg super.
class Base:
    def __init__(self, **kw):
        print("Base.__init__ leftover", kw)
        self.log = ["Base"]
class Named(Base):
    def __init__(self, name=None, **kw):
        super().__init__(**kw)
        self.name = name
        self.log.append("Named")
class Aged(Base):
    def __init__(self, age=0, **kw):
        super().__init__(**kw)
        self.age = age
        self.log.append("Aged")
class Person(Named, Aged):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Person")
p = Person(name="ann", age=30, extra=1)
print(p.name, p.age, p.log)

class Root:
    @classmethod
    def create(cls):
        return f"Root.create for {cls.__name__}"
    def greet(self):
        return "root"
class Leaf(Root):
    @classmethod
    def create(cls):
        return "Leaf -> " + super().create()
    def greet(self):
        return "leaf+" + super(Leaf, self).greet()
print(Leaf.create(), Leaf().greet(), super(Leaf, Leaf()).greet())

class Proxy(Root):
    def greet(self):
        sup = super()
        return type(sup).__name__ + ":" + sup.greet()
print(Proxy().greet())

class WithStr:
    def __str__(self):
        return "custom " + super().__str__()[:1]
print(str(WithStr()))

class Counter(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)
c = Counter()
c["a"] = 1
print(c, c["a"], super(Counter, c).__getitem__("a"))

class ListLogger(list):
    def append(self, item):
        print("append", item)
        super().append(item)
ll = ListLogger([1])
ll.append(2)
print(ll, len(ll), type(ll).__name__, isinstance(ll, list))
