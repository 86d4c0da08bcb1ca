# match: literals, captures, wildcard, or-patterns, guards, as-patterns, value patterns.
class Color:
    RED = "red"
    GREEN = "green"

def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case True:
            return "true?"
        case None:
            return "none"
        case "hello" | "hi":
            return "greeting"
        case Color.RED:
            return "the color red"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num if num > 1000:
            return f"big {num}"
        case str() as s:
            return f"string of length {len(s)}"
        case _:
            return f"other {x!r}"

for v in [0, 2, True, None, "hi", "red", -5, 5000, 2.5e6, "xyz", 7, 1.5, [1]]:
    print(repr(v), "->", describe(v))

def http(status):
    match status:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302 as redirect:
            return f"redirect {redirect}"
        case code if 400 <= code < 500:
            return f"client error {code}"
        case _:
            return "unknown"
print([http(s) for s in (200, 302, 404, 503)])
match 1.0:
    case 1:
        print("1.0 matches literal 1")
match False:
    case 0:
        print("False matches 0")
    case False:
        print("False matches False")
match -3:
    case -3:
        print("negative literal")
match 2 + 3:
    case 5:
        print("five")
