# str.format: positional, keyword, index/attribute fields, conversions, specs.
class P:
    def __init__(self):
        self.x = 3
        self.items = ["a", "b"]
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
p = P()
print("{} {} {}".format(1, "two", 3.0))
print("{2} {0} {1} {0}".format("a", "b", "c"))
print("{x} {y!r} {z!s}".format(x=1, y="s", z=p))
print("{0.x} {0.items[1]} {1[k]} {2[0]}".format(p, {"k": "v"}, (9, 8)))
print("{!r} {!s} {!a}".format(p, p, "é"))
print("{{}} {{{}}}".format(5))
print("{:>6}|{:<6}|{:^6}|{:*^7}|{:06d}|{:+d}|{: d}".format("ab", "cd", "ef", "g", 42, 5, 7))
print("{:x} {:X} {:o} {:b} {:#x} {:#o} {:#b} {:c} {:,} {:_} {:_x}".format(255, 255, 8, 5, 255, 8, 5, 65, 10 ** 7, 10 ** 6, 2 ** 20))
print("{:10.3s}|{:.2}|{:>{w}}|{:{fill}{align}{width}}".format("abcdef", "xyz", "r", "m", w=4, fill="-", align="^", width=5))
print("{0:{1}.{2}f}".format(3.14159, 10, 2))
print("{:=10d}|{:=+8.2f}|{:d}|{:n}".format(-42, 3.5, True, 1234))
print(format(42), format("s", "5"), format(3, "b"), format(-3, "08b"), format(1234567, ",d"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError", e)
