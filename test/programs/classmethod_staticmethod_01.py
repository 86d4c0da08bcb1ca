# classmethod and staticmethod, alternative constructors, calling through instances and subclasses.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class MyDate(Date):
    pass

print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"), Date(1, 2, 3).from_string("5-6-7"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(2024, 1, 1).is_leap(2024), MyDate.is_leap(2023))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(type(Date.from_string).__name__, type(Date.is_leap).__name__, Date.from_string.__self__ is Date)

class Registry:
    items = []
    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return len(cls.items)
class Sub(Registry):
    items = []
print(Registry.register("a"), Sub.register("b"), Sub.register("c"), Registry.items, Sub.items)

def plain(x):
    return x * 2
class Holder:
    sm = staticmethod(plain)
    cm = classmethod(lambda cls, v: (cls.__name__, v))
print(Holder.sm(4), Holder().sm(5), Holder.cm(1), Holder().cm(2), Holder.__dict__["sm"].__func__ is plain)
