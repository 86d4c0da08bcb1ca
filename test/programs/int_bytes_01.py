# int.to_bytes/from_bytes for every signedness and byte order, default arguments (3.11), overflow messages, bit_length/bit_count.
for n in [0, 1, 127, 128, 255, 256, 65535, -1, -128, -129, -32768, 2 ** 63 - 1, -(2 ** 63), 2 ** 64 - 1]:
    size = max(1, (n.bit_length() + 8) // 8)
    s = n.to_bytes(size, "big", signed=True)
    l = n.to_bytes(size, "little", signed=True)
    back = int.from_bytes(s, "big", signed=True), int.from_bytes(l, "little", signed=True)
    unsigned = n.to_bytes(size, "big").hex() if n >= 0 else "-"
    print(n, size, s.hex(), l.hex(), back == (n, n), unsigned, n.bit_length(), n.bit_count())
print((5).to_bytes(), (255).to_bytes(), int.from_bytes(b"\x01\x02"), (1).to_bytes(3, "little"), (0).to_bytes(0, "big"))
for n, length, order, signed in [(256, 1, "big", False), (128, 1, "big", True), (-129, 1, "little", True), (-1, 4, "big", False),
                                 (1, 0, "big", False), (2 ** 64, 8, "little", False)]:
    try:
        n.to_bytes(length, order, signed=signed)
    except OverflowError as e:
        print(n, length, order, signed, "OverflowError:", e)
for args in [((1).to_bytes, (1, "middle")), ((1).to_bytes, (-1, "big")), (int.from_bytes, (b"\x01", "sideways"))]:
    fn, a = args
    try:
        fn(*a)
    except ValueError as e:
        print("ValueError:", e)
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\xff\xff"), "little", signed=True), int.from_bytes(b"", "little", signed=True))
print(int.from_bytes(range(4), "big"), int.from_bytes(iter([255, 0]), "little"), int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True))
try:
    int.from_bytes([256], "big")
except ValueError as e:
    print("ValueError:", e)
try:
    int.from_bytes("str", "big")
except TypeError as e:
    print("TypeError:", e)
big = 3 ** 200
bb = big.to_bytes((big.bit_length() + 7) // 8, "big")
print(len(bb), bb[:8].hex(), int.from_bytes(bb, "big") == big, int.from_bytes(bb[::-1], "little") == big)
print((2 ** 1000).bit_length(), (-(2 ** 1000)).bit_length(), (2 ** 1000 - 1).bit_count(), (-(2 ** 1000) + 1).bit_count())
class MyInt(int):
    pass
print(type(MyInt.from_bytes(b"\x05", "big")).__name__, MyInt.from_bytes(b"\x05", "big"), bool.from_bytes(b"\x01", "big"))
print([(1 << k).bit_length() for k in range(0, 70, 13)], (0).bit_length(), (-1).bit_count(), (12345).to_bytes(2, byteorder="big", signed=False))
