# printf-style % formatting.
print("%s %r %d %i %f %x %X %o %e %c %%" % ("s", "r", 42, -3, 1.5, 255, 255, 8, 1500.0, 65))
print("%5s|%-5s|%05d|%+d|% d|%.2f|%8.3f|%-8.1f|" % ("ab", "ab", 42, 7, 7, 3.14159, 2.71828, 1.0))
print("%(name)s is %(age)d years" % {"name": "Bob", "age": 30})
print("%s" % (1, ), "%s" % [1, 2], "%s %s" % (None, True), "%r" % ("x",), "%a" % "é")
print("%#x %#o %#X" % (255, 8, 255), "%c%c" % ("a", 98), "%.3s" % "abcdef", "%*d|%-*d" % (5, 1, 4, 2))
print("%d" % 3.99, "%i" % True, "%x" % -255, "%s" % 1e16, "%g" % 1e-5, "%.0f" % 2.5)
for args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1)]:
    try:
        print(args[0] % args[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b"%s-%d-%x" % (b"ab", 5, 255), b"%c" % 65, b"%5b|" % b"x")
