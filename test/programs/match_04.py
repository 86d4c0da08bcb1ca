# match: or-patterns binding the same names, as-patterns at every level, value patterns, guards evaluated lazily, star wildcards.
import math

class Status:
    OK = 200
    NOT_FOUND = 404

guard_log = []
def guard(label, result):
    guard_log.append(label)
    return result

def classify(v):
    match v:
        case (x, 0) | (0, x):
            return f"one zero, other {x}"
        case [x, y] as pair if guard("pair", x == y):
            return f"equal pair {pair}"
        case [[a, b] as inner, *rest] as whole:
            return f"inner {inner} a={a} b={b} rest={rest} whole_len={len(whole)}"
        case Status.OK | Status.NOT_FOUND as code:
            return f"known status {code}"
        case math.pi:
            return "pi"
        case {"type": ("a" | "b") as t, "val": int() as n} if guard("typed", n > 0):
            return f"typed {t} {n}"
        case [*_, "end"]:
            return "ends with end"
        case [_, _, *_]:
            return "2+ items"
        case str() as s if guard("str", len(s) > 3):
            return "long string"
        case _:
            return "no match"

for v in [(5, 0), (0, 7), [3, 3], [3, 4], [[1, 2], 3, 4], 200, 404, math.pi, {"type": "a", "val": 3}, {"type": "c", "val": 3},
          {"type": "b", "val": -1}, ["x", "end"], [1, 2, 3], "long!", "ab", [1]]:
    guard_log.clear()
    print(repr(v), "->", classify(v), guard_log)

def literals(v):
    match v:
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -0.0:
            return "zero float"
        case "a" "b":
            return "concatenated ab"
        case b"raw":
            return "bytes raw"
        case None | True | False:
            return f"singleton {v}"
    return "none"
for v in [-1, 1.5, 0, 0.0, "ab", b"raw", None, True, 1, False, 0.0 * -1]:
    print(repr(v), "->", literals(v))

def bindings(v):
    match v:
        case [1, *rest] | [*rest, 1]:
            return f"rest={rest}"
        case {"k": _, **others}:
            return f"others={others}"
    return "-"
print(bindings([1, 2, 3]), bindings([2, 3, 1]), bindings([0]), bindings({"k": 0, "m": 1}))
x = "unchanged"
match [10, 20]:
    case [x, 99]:
        pass
    case _:
        pass
print("x after failed match:", x)
match {"point": (1, 2)}:
    case {"point": (px, py) as tup}:
        print(px, py, tup)
count = 0
for cmd in ["inc", "inc", "dec", "reset", "inc", "noop"]:
    match cmd:
        case "inc":
            count += 1
        case "dec":
            count -= 1
        case "reset":
            count = 0
        case other:
            print("unknown", other)
print("count", count)
