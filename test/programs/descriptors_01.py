# Descriptor protocol: __get__/__set__/__delete__/__set_name__, data vs non-data precedence.
class Typed:
    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name
        print(f"  __set_name__({owner.__name__}, {name!r})")
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.private, value)
    def __delete__(self, obj):
        print(f"  deleting {self.name}")
        delattr(obj, self.private)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person("ann", 30)
print(p.name, p.age, sorted(vars(p)), type(Person.name).__name__, Person.age.kind.__name__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError", e)
del p.age
print(p.age)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance dict"
print(h.attr, Holder.attr)

class DataDesc:
    def __get__(self, obj, objtype=None):
        return "data descriptor wins"
    def __set__(self, obj, value):
        pass
class Holder2:
    attr = DataDesc()
h2 = Holder2()
h2.__dict__["attr"] = "instance value"
print(h2.attr)

class Method:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.fn(obj, *a)
class UsesMethod:
    @Method
    def double(self, x):
        return x * 2
print(UsesMethod().double(21))

def plain(self):
    return "bound " + type(self).__name__
bound = plain.__get__(h, Holder)
print(bound(), type(bound).__name__, plain.__get__(None, Holder) is plain)
class Counter:
    def __get__(self, obj, objtype):
        return f"accessed on {objtype.__name__} via {'instance' if obj is not None else 'class'}"
class Site:
    c = Counter()
print(Site.c, Site().c)
