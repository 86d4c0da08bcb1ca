# property: getter/setter/deleter, read-only, computed, inheritance.
class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(t.celsius)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)

class Lazy:
    def __init__(self):
        self.computed = 0
    def _get(self):
        self.computed += 1
        return self.computed * 10
    value = property(_get, doc="the value")
l = Lazy()
print(l.value, l.value, Lazy.value.__doc__)

class Base:
    @property
    def kind(self):
        return "base"
class Derived(Base):
    @property
    def kind(self):
        return "derived/" + super().kind
print(Derived().kind)
try:
    del Derived().kind
except AttributeError as e:
    print("AttributeError", e)
