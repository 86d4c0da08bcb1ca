# Metaclasses: __new__/__init__ of the metaclass, class creation order, __prepare__-free registries, type checks.
class Meta(type):
    created = []
    def __new__(mcls, name, bases, ns, **kw):
        print(f"  Meta.__new__ {name} bases={[b.__name__ for b in bases]} keys={sorted(k for k in ns if not k.startswith('__'))}")
        cls = super().__new__(mcls, name, bases, ns)
        Meta.created.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.tag = kw.get("tag", "none")
    def describe(cls):
        return f"class {cls.__name__} tagged {cls.tag}"

class Base(metaclass=Meta):
    x = 1
    def method(self):
        return "m"
class Child(Base, tag="kid"):
    y = 2
print(Meta.created, Base.tag, Child.tag, Child.describe(), type(Child).__name__, isinstance(Child, Meta))
print(type(Base) is Meta, type(type) is type, type(object) is type, isinstance(Base, type))
try:
    Child().describe()
except AttributeError as e:
    print("AttributeError", e)

class Validated(type):
    def __new__(mcls, name, bases, ns):
        for key, value in ns.items():
            if callable(value) and not key.startswith("_") and not value.__doc__:
                raise TypeError(f"{name}.{key} needs a docstring")
        return super().__new__(mcls, name, bases, ns)
class Good(metaclass=Validated):
    def run(self):
        "runs"
try:
    class Bad(metaclass=Validated):
        def run(self):
            pass
except TypeError as e:
    print("TypeError", e)

class Order:
    print("  class body executes at definition time")
    a = 1
    b = a + 1
    def f(self):
        return self.b
print(Order.b, Order().f(), list(k for k in vars(Order) if not k.startswith("__")))
