# printf-style % formatting: mapping keys, * width/precision, flags, every conversion type, tuples vs single values, errors.
print("%s|%r|%a|%d|%i|%u|%o|%x|%X|%e|%E|%f|%F|%g|%G|%c|%%" % ("s", "r", "é", 42, -42, 7, 8, 255, 255, 1234.5, 1234.5, 1.5, 2.5, 1e-5, 1e20, "Z"))
print("%5d|%-5d|%05d|%+d|% d|%+5d|%-+5d|%x|%#x|%#o|%#X" % (42, 42, 42, 42, 42, -3, 3, -255, 255, 8, 255))
print("%.2f|%8.3f|%-8.1f|%08.2f|%+.1e|%.0f|%.0f|%#.0f|%g|%#g|%.3g" % (3.14159, 2.71828, 1.5, -3.14159, 12345.678, 0.5, 1.5, 2.0, 100000.0, 1.5, 1234.5))
print("%*d|%-*d|%.*f|%*.*f|" % (6, 42, 6, 42, 2, 3.14159, 8, 3, 2.71828), "%(x)s %(y)05.1f %(x)r" % {"x": "val", "y": 2.25})
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%r" % ((1, 2),), "%s %s" % (None, True), "%d" % True, "%d" % 3.99, "%x" % 2 ** 70)
print("%c%c" % (65, "b"), "%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "abcdef", "xyz"), "%%d" % (), "100%%" % ())
print("%s" % "only one", "%s" % {"k": "v"}, "%(k)s" % {"k": "v"}, "no args" % (), "%s" % b"bytes", "%r" % "q'uote")
class Obj:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
    def __index__(self):
        return 5
    def __float__(self):
        return 0.5
print("%s %r %d %x %f %c" % (Obj(), Obj(), Obj(), Obj(), Obj(), 0x1F600))
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%s", ()), ("%(a)s", (1,)), ("%(a)s", {}), ("%z", (1,)), ("%c", 1.5),
                  ("%c", "ab"), ("%c", -1), ("%x", 1.5), ("%f", "1"), ("%*d", (1.5, 2)), ("%", (1,)), ("%.*f", ("a", 1)), ("%s %(a)s", {"a": 1})]:
    try:
        print(repr(fmt), "->", fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)
print("%-10s|%10.4f|%+06d|%#08x" % ("left", 3.14159265, 42, 3054), "%.3e" % 0, "%e" % float("inf"), "%f" % float("nan"), "%5.1f%%" % 99.5)
