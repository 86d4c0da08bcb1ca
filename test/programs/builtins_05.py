# chr, ord, divmod, pow, round, hex, oct, bin, format, int/str/float conversions.
print(chr(65), chr(0x263A), chr(128512), ord("A"), ord("☺"), ord("\n"), [ord(c) for c in "az09"])
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-1, 3), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2, -1), pow(2, 8, 5), pow(5, 2, -3), pow(2.5, 2), pow(-2, 3))
print(round(3.14159, 2), round(2.5), round(3.5), round(-0.5), round(1.25, 1), round(1.35, 1), round(12345, -3), round(0.1 + 0.2, 10))
print(hex(0), hex(4095), hex(-1), oct(64), oct(-9), bin(10), bin(-10), bin(2 ** 65))
print(format(10), format(10, "b"), format(10.5), format(10.5, "08.3f"), format("x", ">3"), format(True), format(None))
print(str(12), str(1.0), str(-0.0), float("3"), int("0b11", 0), int(" -12 "), str(10 ** 20), float(10 ** 20))
print(ascii("ümlaut"), repr("tab\t"), chr(ord("a") + 1), "".join(chr(c) for c in range(97, 102)))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError", e)
try:
    divmod(1, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    round(1.5, "x")
except TypeError as e:
    print("TypeError", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError", e)
class Idx:
    def __index__(self):
        return 10
print(hex(Idx()), bin(Idx()), oct(Idx()), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10][Idx()], range(20)[Idx()])
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
