# bool arithmetic and logic: bools as ints everywhere, and/or/not returning operands, short-circuit, bool() of every builtin.
print(True + True, True - False, True * 10, True / 2, True // 2, True % 2, True ** 10, -True, +True, ~True, ~False)
print(True & False, True | False, True ^ True, False ^ True, True & 3, True | 2, True << 3, True >> 1, type(True & False).__name__, type(True + 0).__name__)
print(divmod(True, 2), pow(True, -1), abs(False), round(True), int(True), float(False), str(False), repr(True))
print(sum([True] * 5), max(True, 0.5), min(False, -0.0), sorted([True, 0, False, 1, -1]), [1, 2, 3][True], "ab"[False])
print(True == 1, False == 0, True == 1.0, hash(True) == hash(1), {True: "a", 1: "b"}, {0: "x", False: "y"})
def t(label, value):
    print(f"  eval {label}")
    return value
print(t("a", 0) or t("b", "") or t("c", "found") or t("d", "never"))
print(t("a", 1) and t("b", [1]) and t("c", None) and t("d", "never"))
print(not t("x", []), not not "s", (0 or None) is None, ([] and 1) == [], (1 and 0) == 0, ("" or 0 or []) == [])
print([x or "default" for x in [0, "", None, [], "val", 5]], [x and "set" for x in [0, 1, "", "a"]])
vals = [0, 0.0, -0.0, "", b"", [], (), {}, set(), frozenset(), range(0), None, False, bytearray()]
print([bool(v) for v in vals], any(vals), all([]), any([]))
vals2 = [1, -1, 0.1, " ", b"\x00", [0], (None,), {0: 0}, {0}, range(1), True, object(), bool, lambda: 0]
print([bool(v) for v in vals2])
print(bool(), bool(0), bool("False"), bool([False]), bool(float("nan")), isinstance(True, int), issubclass(bool, int), bool.__name__)
try:
    bool(1, 2)
except TypeError as e:
    print("TypeError:", e)
x = 5
print(1 if x else 0, "yes" if [] else "no", (x > 3) + (x > 4) + (x > 5), [x > i for i in range(4, 7)].count(True))
print(True.__add__(1), True.__and__(True), True.__and__(1), (True).__or__(False), True.real, True.imag, True.numerator, True.bit_length())
print(f"{True:>6}|{False:d}|{True:.2f}|{True!r}|{True:x}", "%s %d %r" % (False, True, True), format(True, "b"))
