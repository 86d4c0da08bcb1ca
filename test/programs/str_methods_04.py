# Miscellaneous str APIs: translate/maketrans, encode, indexing, iteration, format_map.
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print(str.maketrans({"a": "1"}), sorted(str.maketrans("ab", "cd").items()))
print("héllo".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"), b"h\xc3\xa9".decode())
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
s = "Python"
print(s[0], s[-1], s[2:4], s[::-1], s[::2], s[10:], s[-100:2], list(s), tuple(s[:3]))
print([c for c in s if c in "aeiouy"], "".join(sorted(s, key=str.lower)), len(s))
print("{name} is {age}".format_map({"name": "Ann", "age": 7}))
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
try:
    s[0] = "J"
except TypeError as e:
    print("TypeError", e)
print(str(123), str([1, "a"]), str(b"x"), str(None), str(), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print("a\tb\\n", r"raw\n", "\x41\u0042\N{LATIN SMALL LETTER C}", "\101", len("\0"))
print(repr("\n\t\r\x00\x7f\u200b\xa0é€\U0001F600"), ascii("é€\U0001F600\n"))
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("c"), "ab".__mul__(2))
print(hash("") == 0, "x".__class__.__name__, isinstance("", str), str.__mro__[-1].__name__)
