# del on names, items, slices, attributes; assert with and without messages.
x = 5
del x
try:
    x
except NameError as e:
    print("NameError", e)
lst = list(range(8))
del lst[0], lst[-1]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"UnboundLocalError {e}"
print(f())
assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert []
except AssertionError as e:
    print("AssertionError with no message:", repr(e), e.args)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError", e)
try:
    del lst[100]
except IndexError as e:
    print("IndexError", e)
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
for i in range(3):
    pass
del i
print("i" in dir())
