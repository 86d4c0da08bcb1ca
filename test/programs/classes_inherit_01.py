# Single inheritance, overriding, super(), isinstance/issubclass, method resolution.
class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return f"{self.name}: {self.sides} sides, area {self.area()}"

class Rect(Shape):
    sides = 4
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
    def describe(self):
        return "[" + super().describe() + "]"

class Tri(Shape):
    sides = 3
    def __init__(self, b, h):
        Shape.__init__(self, "tri")
        self.b, self.h = b, h
    def area(self):
        return self.b * self.h / 2

for s in [Shape("blob"), Rect(2, 3), Square(4), Tri(3, 5)]:
    print(s.describe(), type(s).__name__)
print(issubclass(Square, Rect), issubclass(Square, Shape), issubclass(Rect, Square), issubclass(Tri, (Rect, Shape)))
print(isinstance(Square(1), Rect), isinstance(Tri(1, 1), (Rect, Square)), isinstance(3, (str, int)))
print([c.__name__ for c in Square.__mro__], Square.__bases__[0].__name__, Rect.__subclasses__()[0].__name__)
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object), isinstance(int, type), isinstance(type, type))
class Base:
    def hello(self):
        return "base hello"
    def call_hello(self):
        return self.hello()
class Child(Base):
    def hello(self):
        return "child hello"
print(Child().call_hello(), Base().call_hello(), super(Child, Child()).hello())
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError", e)
