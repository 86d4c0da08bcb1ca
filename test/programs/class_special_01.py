# __new__, __init_subclass__, __class_getitem__, class decorators, class attributes via type().
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            print("  creating instance")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        self.value = value
a = Singleton(1)
b = Singleton(2)
print(a is b, a.value)

class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class CsvPlugin(Plugin, name="csv"):
    pass
class JsonPlugin(Plugin):
    pass
print(Plugin.registry, CsvPlugin.plugin_name, JsonPlugin.plugin_name)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"], list[int], dict[str, int], tuple[int, ...])

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return f"Point{tuple(self)}"
p = Point(3, 4)
print(p, p.x, len(p), p + (5,), isinstance(p, tuple), p == (3, 4))

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, type(u).__name__, u + "!", u.lower(), isinstance(u, str), len(u))

class PositiveInt(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(PositiveInt(5) + 1, type(PositiveInt(5) + 1).__name__, type(PositiveInt(5)).__name__)
try:
    PositiveInt(-1)
except ValueError as e:
    print("ValueError", e)
Animal = type("Animal", (), {"sound": "...", "speak": lambda self: f"{type(self).__name__} says {self.sound}"})
Dog = type("Dog", (Animal,), {"sound": "woof"})
print(Dog().speak(), Animal().speak(), Dog.__bases__[0].__name__)
