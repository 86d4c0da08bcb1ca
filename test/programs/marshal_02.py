# marshal: exact bytes (version 2 has no reference flags) for ints of every size class, floats, strings, containers; errors; loads of crafted bytes.
import marshal
for v in [0, 1, -1, 2 ** 15, 2 ** 30, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 45, -(2 ** 62), 2 ** 64, 10 ** 30, -(10 ** 30)]:
    d = marshal.dumps(v, 2)
    print(v, d.hex(), marshal.loads(d) == v)
for v in [0.0, -0.0, 1.5, 0.1, 1e300, float("inf"), -float("inf")]:
    for ver in (0, 1, 2):
        d = marshal.dumps(v, ver)
        back = marshal.loads(d)
        print(repr(v), ver, d.hex(), repr(back))
for v in ["", "a", "abc", "é", "日本", "\U0001F600", "x" * 10, "with space", b"", b"\x00\xff", bytearray(b"ba")]:
    d = marshal.dumps(v, 2)
    print(repr(v), d.hex(), repr(marshal.loads(d)))
for v in [(), (1,), (1, 2, 3), [], [None, True, False], {}, {"a": 1}, set(), frozenset(), {1, 2}, frozenset({3}), ..., StopIteration]:
    try:
        d = marshal.dumps(v, 2)
        print(repr(v), d.hex(), marshal.loads(d) == v)
    except ValueError as e:
        print(repr(v), "ValueError:", e)
for v in [object(), print, lambda: 0, type, None]:
    try:
        print(type(v).__name__, marshal.dumps(v, 2).hex())
    except ValueError as e:
        print(type(v).__name__, "ValueError:", e)
for data in [b"i\x05\x00\x00\x00", b"N", b"T", b"F", b"\xe9\x01\x00\x00\x00", b"z\x02hi", b"\xfa\x02hi", b")\x02N\xe9\x02\x00\x00\x00",
             b"[\x01\x00\x00\x00i\x07\x00\x00\x00", b"{z\x01ai\x01\x00\x00\x000", b"l\x02\x00\x00\x00\x01\x00\x02\x00", b"g\x00\x00\x00\x00\x00\x00\xf8?"]:
    try:
        print(data.hex(), repr(marshal.loads(data)))
    except (ValueError, EOFError, TypeError) as e:
        print(data.hex(), type(e).__name__ + ":", e)
for data in [b"", b"i\x01", b"?", b"z\x05ab", b"(\x01\x00\x00\x00", b"l\xff\xff\xff\xff"]:
    try:
        marshal.loads(data)
    except (ValueError, EOFError) as e:
        print(data.hex(), type(e).__name__ + ":", e)
nested = {"k": [(1, 2.5, "s"), {"inner": frozenset({1})}], "n": None}
print(marshal.loads(marshal.dumps(nested)) == nested, marshal.loads(marshal.dumps(nested, 0)) == nested, marshal.version)
try:
    marshal.dumps([1, object()])
except ValueError as e:
    print("ValueError:", e)
try:
    marshal.loads("str")
except TypeError as e:
    print("TypeError:", e)
