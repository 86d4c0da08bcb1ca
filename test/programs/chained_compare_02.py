# Chained comparisons with custom objects: each operand evaluated once, results are operands not bools, errors mid-chain.
class Loud:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"L{self.v}"
    def __lt__(self, o):
        print(f"  {self!r} < {o!r}")
        return self.v < o.v and f"lt:{self.v}<{o.v}"
    def __eq__(self, o):
        print(f"  {self!r} == {o!r}")
        return "truthy-eq" if self.v == o.v else ""

a, b, c = Loud(1), Loud(2), Loud(3)
print(repr(a < b < c))
print(repr(a < c < b))
print(repr(b < a < c))
print(repr(a == Loud(1) == Loud(1)))
print(repr(a == b == c))
print(repr(a < b == Loud(2) < c))
calls = []
def val(x):
    calls.append(x)
    return x
print(val(1) < val(2) < val(3) < val(0) < val(9), calls)
calls.clear()
print(val(5) > val(9) > val(print("never")), calls)
x = 7
print(1 <= x <= 10, x in range(10) == True, (x in range(10)) == True, 0 < x != 7, not 1 < x < 5)
print([n for n in range(20) if 3 < n < 8 or 15 <= n < 17])
items = [3, 1, 2]
print(items[0] > items[1] < items[2], min(items) < max(items) > len(items) - 1)
try:
    print(1 < 2 < "three")
except TypeError as e:
    print("TypeError:", e)
print(1 < 0 < "three")
s1, s2 = "apple", "banana"
print("a" <= s1 < s2 <= "z", s1 < s2 > "b", s1 != s2 != s1)
print(None is not None is None, [] == [] is not [])
e = []
print(e is e is e, e is e is [], 0 == False == 0.0 == -0.0 == 0 // 1)
