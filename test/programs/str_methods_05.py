# split/rsplit with maxsplit and separators, splitlines over every line boundary, expandtabs columns, partition edge cases.
s = "a, b,,c , d"
for sep, n in [(None, -1), (",", -1), (",", 1), (",", 0), (", ", -1), (None, 1), (" ", 2)]:
    print(repr(sep), n, s.split(sep, n), s.rsplit(sep, n))
print("  a  b  ".split(None, 1), "  a  b  ".rsplit(None, 1), "a b c".rsplit(maxsplit=1), "abcabc".rsplit("b", 1))
print("\u2003x\u00a0y\x1cz\u3000w".split(), "a\x0bb\x0cc".split(), "x\u200by".split())
lines = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
print(lines.splitlines())
print(lines.splitlines(keepends=True)[:6])
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(True), "no newline".splitlines(), "end\n".splitlines(), "\r\n\r".splitlines(True))
print(b"a\nb\r\nc\x0bd".splitlines(), "a\x0bb".split("\n"))
for t in ["a\tb", "\t", "ab\tc\td", "abcdefgh\tx", "a\nb\tc", "12345\t6\r7\t8", "\t\t"]:
    print(repr(t), repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(1)), repr(t.expandtabs(0)), repr(t.expandtabs(-3)))
for t, sep in [("a=b=c", "="), ("abc", "="), ("=abc", "="), ("abc=", "="), ("aXXbXXc", "XX"), ("", "x")]:
    print(repr(t), t.partition(sep), t.rpartition(sep))
for bad in ["", None if False else ""]:
    try:
        "abc".partition(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    "abc".rsplit("")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".split(1)
except TypeError as e:
    print("TypeError:", e)
print("x".join([]), "x".join(["a"]), "".join(("a", "b")), "-".join("abc"), "/".join({"k": 1, "j": 2}), "+".join(str(i) for i in range(4)))
try:
    "".join([b"bytes"])
except TypeError as e:
    print("TypeError:", e)
print("  strip me  ".strip(), "xxhixx".lstrip("x"), "<<a>>".strip("<>"), "abc".strip(""), "\t\n x \r\f\v".strip(), "\u3000wide\u3000".strip())
print("aaa".split("a"), "aaa".split("aa"), "aaa".rsplit("aa"), "a".split("a", 0), "abcbd".split("b", -5))
