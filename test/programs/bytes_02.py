# bytes in depth: constructors and their errors, repr choices, indexing gives ints, methods with int/bytes arguments, hex, % formatting.
print(bytes(), bytes(0), bytes(4), bytes([0, 127, 128, 255]), bytes(b"copy"), bytes(bytearray(b"ba")), bytes(range(65, 70)), bytes("é", "utf-8"))
print(bytes((i for i in [104, 105])), b"".join([b"a", bytearray(b"b"), b"c"]), bytes(iter(b"it")))
for args in [(-1,), ([256],), ([-1],), (["a"],), ("str",), (1.5,), (None,), ("s", "no-such"), ([1], "utf-8")]:
    try:
        bytes(*args)
    except (TypeError, ValueError, LookupError) as e:
        print(args, type(e).__name__ + ":", e)
for b in [b"'", b'"', b"'\"", b"\\", b"\x00\x1f\x7f\x80\xff", b"\t\n\r", b"plain", bytes(range(30, 40))]:
    print(repr(b), ascii(b), str(b), len(b))
b = b"Hello, World"
print(b[0], b[-1], type(b[0]).__name__, b[0:1], b[::-1], b[::3], list(b[:3]), b[100:], [c for c in b[:4]])
try:
    b[20]
except IndexError as e:
    print("IndexError:", e)
print(b.find(b"o"), b.find(111), b.rfind(b"o"), b.index(b"W"), b.count(b"l"), b.count(108), 111 in b, b"lo" in b)
try:
    "o" in b
except TypeError as e:
    print("TypeError:", e)
try:
    256 in b
except ValueError as e:
    print("ValueError:", e)
print(b.split(b", "), b.replace(b"l", b"L", 2), b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize(), b.startswith((b"x", b"He")))
print(b.hex(), b.hex("-"), b.hex(":", 4), b.hex(" ", -4), bytes.fromhex("48 65 6c"), bytes.fromhex(""), b"\x00\xff".hex())
for bad in ["4", "zz", "4 8 6"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
print(b"%s|%d|%05.1f|%x|%c|%c|%r|%b|%%" % (b"bs", 42, 2.5, 255, 65, b"Z", "é", b"raw"))
try:
    b"%s" % "str"
except TypeError as e:
    print("TypeError:", e)
print(b"a" * 3, 2 * b"xy", b"ab" + bytearray(b"cd"), type(b"ab" + bytearray(b"cd")).__name__, b"abc" == bytearray(b"abc"), b"a" < b"b" < b"ba")
print(hash(b"abc") == hash("abc"), hash(b"") == 0, {b"k": 1}[b"k"], sorted([b"b", b"a", b"", b"ab"]))
print(b" \tx y\n".strip(), b"xyx".strip(b"x"), b"a\tb".expandtabs(4), b"ab".ljust(4, b"."), b"ab".rjust(4), b"-5".zfill(4), b"abc".center(7, b"-"))
print(b"a,b".partition(b","), b"k:v:w".rsplit(b":", 1), b"one two".split(maxsplit=1), b"A1 b2".isalnum(), b"   ".isspace(), b"Title Case".istitle())
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"abcd".translate(None, b"bd"), bytes.maketrans(b"", b"")[:5])
print(b"hello".removeprefix(b"he"), b"hello".removesuffix(b"lo"), b"x".decode(), b"\xe2\x82\xac".decode("utf-8"), b"\xe9t\xe9".decode("latin-1"))
try:
    b"abc"[0] = 65
except TypeError as e:
    print("TypeError:", e)
try:
    b"a" + 1
except TypeError as e:
    print("TypeError:", e)
