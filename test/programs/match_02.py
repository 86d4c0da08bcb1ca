# match: sequence, mapping and class patterns, __match_args__, nested patterns, star patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x=0 | 1 as x, y=_):
            return f"near y axis x={x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case Circle(Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c):
            return f"circle at {where(c)}"
        case _:
            return "not a shape"
for p in [Point(0, 0), Point(0, 4), Point(1, 9), Point(3, 3), Point(2, 5), Circle(Point(1, 1), 20), Circle(Point(0, 0), 1), 7]:
    print(where(p))

def seq(s):
    match s:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first}..{last} ({len(middle)} in middle)"
        case [first, *rest]:
            return f"first {first}, rest {rest}"
        case _:
            return "not a sequence"
for s in [[], [1], (1, 2), [1, 2, 3], list(range(8)), "str", {1: 2}, range(3)]:
    print(repr(s), "->", seq(s))

def cmd(c):
    match c.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"going {d}"
        case ["pick", "up", *items] if items:
            return f"picking {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb}"
        case []:
            return "nothing"
for c in ["go north", "go up", "pick up sword shield", "pick up", "exit", "", "dance now"]:
    print(repr(c), "->", cmd(c))

def conf(d):
    match d:
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} extra={rest}"
        case {"type": "group", "members": [*members]}:
            return f"group of {len(members)}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "empty-ish mapping"
for d in [{"type": "user", "name": "ann", "age": 3}, {"type": "group", "members": [1, 2]}, {"type": "x"}, {"other": 1}, {}]:
    print(conf(d))
match (1, (2, [3, 4])):
    case (a, (b, [c, d])):
        print(a + b + c + d)
match {"k": [1, {"deep": "found"}]}:
    case {"k": [_, {"deep": value}]}:
        print(value)
match 5:
    case int(x):
        print("int(x) binds self", x)
match "text":
    case str(x) if x.startswith("t"):
        print("str(x) binds self", x)
