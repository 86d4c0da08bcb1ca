# bytes: literals, repr, indexing, methods.
b = b"hello\x00\xff\n'\""
print(b, len(b), b[0], b[-1], b[1:3], list(b[:5]), bytes(3), bytes([65, 66, 67]), bytes(range(5)))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc", b"abc" < b"abd", b"" == bytes())
print(b"a,b,,c".split(b","), b"  x y ".split(), b"-".join([b"a", b"b"]), b"  pad ".strip(), b"xxaxx".strip(b"x"))
print(b"hello".upper(), b"HeLLo".lower(), b"hello".replace(b"l", b"L"), b"hello".find(b"l"), b"hello".count(b"l"))
print(b"hello".startswith(b"he"), b"hello".endswith(b"lo"), b"abc".hex(), bytes.fromhex("de ad be ef"), b"\x01\xab".hex(":"))
print(b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"), b"abc".decode(), "abc".encode() == b"abc")
print(repr(b"\t\r\x7f\x80"), str(b"q"), bytes("é", "utf-8"), b"%d" % 5, b"abc"[::-1], b"12".isdigit(), b"ab".isalpha())
print(b"a b".title(), b"ab".center(6, b"*"), b"7".zfill(3), b"abc".partition(b"b"), b"k=v".rpartition(b"="))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError", e)
print([x for x in b"AZ"], sorted(b"cab"), max(b"xyz"), sum(b"\x01\x02\x03"), bytes(b"ab") == b"ab")
print(int.from_bytes(b"\x00\x10", "big"), b"x".__class__.__name__, b"abcabc".index(b"c"), b"abcabc".rindex(b"c"))
