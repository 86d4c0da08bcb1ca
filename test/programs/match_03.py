# match: class patterns against builtins (self-matching), __match_args__ errors, keyword patterns, mapping **rest, str not a sequence.
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class NoArgs:
    def __init__(self):
        self.a = 1

class BadArgs:
    __match_args__ = "x"

def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s) if not s:
            return "empty str"
        case str(s):
            return f"str {s}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple((a, b)):
            return f"pair {a},{b}"
        case dict({"k": val}):
            return f"dict with k={val}"
        case set() | frozenset():
            return f"a set of {len(v)}"
        case Pt(x=0):
            return "Pt on the y axis"
        case Pt(x, y=9):
            return f"Pt with y=9 and x={x}"
        case _:
            return "other"
for v in [True, 3, 2.5, "", "hi", b"b", [7, 8], (1, 2), (1, 2, 3), {"k": 0, "j": 1}, {1}, frozenset(), Pt(0, 5), Pt(4, 9), Pt(1, 1), None]:
    print(repr(v) if not isinstance(v, Pt) else "Pt", "->", kind(v))

def seq_vs_str(v):
    match v:
        case [a, b]:
            return f"two-item sequence {a!r} {b!r}"
        case _:
            return "not matched as a sequence"
for v in ["ab", b"ab", bytearray(b"ab"), ["a", "b"], ("a", "b"), range(2), iter([1, 2])]:
    print(type(v).__name__, "->", seq_vs_str(v))

for subject, label in [(NoArgs(), "NoArgs(1)"), (BadArgs(), "BadArgs(1)"), (Pt(1, 2), "Pt(1, 2, 3)"), (Pt(1, 2), "Pt(1, x=1)")]:
    try:
        match subject:
            case NoArgs(_) if label == "NoArgs(1)":
                print("matched")
            case BadArgs(_) if label == "BadArgs(1)":
                print("matched")
            case Pt(_, _, _) if label == "Pt(1, 2, 3)":
                print("matched")
            case Pt(_, x=1) if label == "Pt(1, x=1)":
                print("matched")
            case _:
                print(label, "fell through")
    except TypeError as e:
        print(label, "TypeError:", e)
try:
    match 5:
        case len(x):
            pass
except TypeError as e:
    print("TypeError:", e)

def mapping(m):
    match m:
        case {"a": 1, **rest} if not rest:
            return "exactly a=1"
        case {"a": 1, **rest}:
            return f"a=1 plus {rest}"
        case {"b": [*_, last]}:
            return f"b ends with {last}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for m in [{"a": 1}, {"a": 1, "z": 2, "y": 3}, {"b": [1, 2, 3]}, {"b": "xyz"}, {}, [("a", 1)]]:
    print(m, "->", mapping(m))

class DefaultDictLike(dict):
    def __missing__(self, key):
        return "missing!"
match DefaultDictLike(a=1):
    case {"zz": v}:
        print("matched via __missing__?", v)
    case {"a": v}:
        print("mapping patterns use get(), not __missing__:", v)
