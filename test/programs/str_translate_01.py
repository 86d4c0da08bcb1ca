# str.maketrans/translate in all forms, str.encode variants, format_map with __missing__, str constructors and conversions.
t1 = str.maketrans("abc", "123")
t2 = str.maketrans("abc", "123", "xyz")
t3 = str.maketrans({"a": "AA", "b": None, ord("c"): "C", "d": 100})
print(sorted(t1.items()), sorted(t2.items()), sorted(t3.items()))
print("aabbccxyz".translate(t1), "aabbccxyz".translate(t2), "abcd".translate(t3), "日本".translate({ord("日"): "sun"}))
for args in [("ab", "c"), ({"ab": 1},), ({1.5: "x"},), ("a",), (1, 2)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__ + ":", e)
class Table:
    def __getitem__(self, k):
        if k == ord("x"):
            raise LookupError
        return chr(k).upper()
print("hex!".translate(Table()))
try:
    "abc".translate({ord("a"): 1.5})
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".translate({ord("a"): 0x110000})
except ValueError as e:
    print("ValueError:", e)
class Defaults(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{name} is {age} and {unknown}".format_map(Defaults(name="Ann", age=3)))
try:
    "{missing}".format_map({})
except KeyError as e:
    print("KeyError:", e)
print(str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "latin-1"), str(b"\xffa", "utf-8", "replace"), str(bytearray(b"ba"), "ascii"))
print(str(1.0), str(-0.0), str([1, "a"]), str((1,)), str({1: "x"}), str(None), str(type), str(int), str(...), str(NotImplemented))
try:
    str(1, "utf-8")
except TypeError as e:
    print("TypeError:", e)
try:
    str("x", "utf-8")
except TypeError as e:
    print("TypeError:", e)
print("abc".encode(), "aé".encode("utf_8"), "aé".encode(encoding="latin-1", errors="strict"), "aé".encode("iso-8859-1"))
print("\U0001F600".encode().hex(), "€".encode("utf-8"), "é".encode("ascii", errors="replace"), "é€".encode("latin-1", "backslashreplace"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("\ud800".encode("utf-8", "surrogatepass"), "\ud800x".encode("utf-8", "replace"), b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800")
