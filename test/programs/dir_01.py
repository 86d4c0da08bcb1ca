# dir() of user classes and instances (sorted, inherited and dunder names included), modules-free; __dir__ overrides; dir() of locals.
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst_attr = 3
    def child_method(self):
        pass
print(dir(Child))
print(dir(Child()))
print([n for n in dir(Child()) if not n.startswith("__")])
print(set(dir(Child())) - set(dir(Child)), set(dir(Child)) - set(dir(Child())))
class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "alpha", "Mid"]
print(dir(Custom()), type(dir(Custom())).__name__)
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print("TypeError:", e)
class Slotted:
    __slots__ = ("a", "b")
print([n for n in dir(Slotted()) if not n.startswith("__")], "__dict__" in dir(Slotted()))
def local_scope():
    x = 1
    y = 2
    return dir()
print(local_scope())
print(dir(object))
print([n for n in dir(int) if not n.startswith("_")])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print(len(dir(type)), "mro" in dir(type), "__mro__" in dir(Child), "mro" in dir(Child), "__name__" in dir(Child))
