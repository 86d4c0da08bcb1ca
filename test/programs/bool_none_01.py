# bool and None semantics.
print(True, False, None, repr(None), str(True), type(None).__name__, type(True).__name__)
print(True + 1, True * 3.5, -True, ~True, ~False, abs(True), int(False), float(True))
print(True == 1, True and 5, False or "x", None or 0, 0 and None)
print(not None, not 0, not [], not [0], not "", not " ", bool(0.0), bool(-0.0))
print(bool(None), bool(()), bool({}), bool(set()), bool(range(0)), bool(range(1)))
print(None is None, None == None, None != 0, [] is not [], isinstance(False, int))
print(str(True).upper(), repr(False), f"{True}", f"{True:d}", f"{True!r}", "%s %d" % (True, True))
print(True.__class__.__name__, bool.__bases__[0].__name__, (True).real, True.numerator)
print(bool("False"), bool("0"), [x for x in [0, 1, "", "a", None, [], [None]] if x])
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(max(True, False), min([True, 2, -1]), sum([True, True, False]), sorted([True, False, 0, 1]))
a = None
print(a is None and "none" or "other")
print(hash(None) == hash(None), hash(True), hash(False))
