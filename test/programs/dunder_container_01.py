# __getitem__/__setitem__/__delitem__/__contains__/__len__/__missing__ on a custom mapping and sequence.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"{pos} out of range")
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
    def __delitem__(self, pos):
        del self.cells[pos]
    def __contains__(self, v):
        return v in self.cells.values()
    def __len__(self):
        return len(self.cells)
    def render(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))
g = Grid(4, 3)
g[0, 0] = "#"
g[3, 2] = "@"
g[1, 1] = "+"
print(g.render())
print(len(g), "@" in g, "?" in g, "?" not in g)
del g[1, 1]
print(len(g), g[1, 1])
try:
    g[9, 9]
except IndexError as e:
    print("IndexError", e)
try:
    del g[2, 2]
except KeyError as e:
    print("KeyError", e)
class Squares:
    def __len__(self):
        return 5
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("Squares index out of range")
        return i * i
s = Squares()
print(s[2], s[-1], s[1:4], s[::-2], list(s), 16 in s, 15 in s)
class Contains:
    def __contains__(self, x):
        return x % 2 == 0
print(4 in Contains(), 3 in Contains(), 3 not in Contains())
class NotSub:
    pass
try:
    NotSub()[0]
except TypeError as e:
    print("TypeError", e)
try:
    NotSub()[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del NotSub()[0]
except TypeError as e:
    print("TypeError", e)
try:
    1 in NotSub()
except TypeError as e:
    print("TypeError", e)
