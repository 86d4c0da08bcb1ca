# bytearray: a mutable bytes.
ba = bytearray(b"hello")
ba[0] = ord("H")
ba.append(33)
ba.extend(b" world")
print(ba, len(ba), ba[1], bytes(ba))
ba[1:5] = b"EY"
print(ba)
del ba[0]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 65)
ba.reverse()
print(ba, ba.find(b"E"), ba.upper(), ba + b"!", ba * 2)
ba.remove(ord(" "))
print(ba, bytearray(3), bytearray([1, 2]), bytearray("ab", "ascii"), bytearray(b"x") == b"x")
ba += b"++"
ba *= 2
print(ba, ba.decode())
ba.clear()
print(ba, bool(ba), type(ba).__name__)
try:
    bytearray(b"a")[0] = 300
except ValueError as e:
    print("ValueError", e)
b2 = bytearray(b"abc")
m = b2
m[0] = 122
print(b2, b2 is m, b2.copy() is b2)
