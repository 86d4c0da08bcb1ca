# Padding and case helpers with fill characters, their errors, str operators and errors, find/index/count with ranges.
for w in [0, 1, 5, 6, 10]:
    print(w, repr("abc".center(w)), repr("abcd".center(w, "*")), repr("ab".ljust(w, "-")), repr("ab".rjust(w, "é")), repr("12".zfill(w)))
print("-5".zfill(5), "+5".zfill(5), "5-".zfill(5), "".zfill(3), "--".zfill(4), "é".zfill(3), "-".zfill(1))
for bad in ["", "ab"]:
    try:
        "x".center(5, bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    "x".ljust(5, 1)
except TypeError as e:
    print("TypeError:", e)
s = "abcabcabc"
for sub, start, end in [("abc", 0, None), ("abc", 1, None), ("abc", 1, 6), ("c", -4, None), ("c", -4, -1), ("", 9, None), ("", 10, None),
                        ("", 3, 2), ("a", 100, None), ("bca", -100, 100)]:
    print(repr(sub), start, end, s.find(sub, start, end), s.rfind(sub, start, end), s.count(sub, start, end),
          s.startswith(sub, start, end), s.endswith(sub, start, end))
for fn in [lambda: s.index("x"), lambda: s.rindex("x"), lambda: s.index("a", 1, 3), lambda: s.find(1), lambda: s.count(None)]:
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(s.replace("abc", "X", 2), s.replace("", "|"), s.replace("", "|", 2), s.replace("b", ""), s.replace("abc", "abc" * 2, -1))
print(s.startswith(("x", "ab")), s.endswith(("bc", "z"), 0, 5), s.startswith(()))
try:
    s.startswith(["ab"])
except TypeError as e:
    print("TypeError:", e)
KEY, KEY2 = "x", 1.0
for fn in [lambda: "a" * "b", lambda: "a" + None, lambda: "abc"[1] + 2, lambda: "abc"[3], lambda: "abc"[KEY], lambda: "abc"[KEY2],
           lambda: "a" - "b", lambda: "%d" % "x", lambda: "a" < 1, lambda: "x" * 2.0]:
    try:
        r = fn()
        print("ok", type(r).__name__)
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
t = "text"
try:
    t[0] = "T"
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
print("Hello World".swapcase(), "hello world".title(), "HELLO wORLD".capitalize(), "they're bill's".title(), "3rd place".title(), "ǆemal".capitalize())
print("ab" * 0, "ab" * -3, "ab" * True, 2 * "ab", "=" * 10, "ab" in "cabd", "" in "", "abc" not in "ab")
