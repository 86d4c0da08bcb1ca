# Exception objects: args, str and repr with 0/1/many args, attributes of specific builtin exceptions, with_traceback.
samples = [Exception(), Exception("one"), Exception("a", 2), Exception(None), ValueError(""), KeyError("k"), KeyError(),
           KeyError("a", "b"), IndexError(3), StopIteration(), StopIteration(5), SystemExit(), SystemExit(2), SystemExit("bye"),
           OSError(2, "No such file"), OSError("plain"), FileNotFoundError(2, "missing", "f.txt"), BaseException("base"),
           UnicodeDecodeError("utf-8", b"\xffab", 0, 1, "invalid start byte"), AttributeError("x"), NameError("n")]
for e in samples:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
print(StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value, SystemExit(2).code, SystemExit().code, SystemExit(1, 2).code)
o = OSError(13, "Permission denied", "/etc/x")
print(type(o).__name__, o.errno, o.strerror, o.filename, o.filename2, o.args)
f = FileNotFoundError(2, "missing", "f.txt")
print(f.errno, f.strerror, f.filename, isinstance(f, OSError))
u = UnicodeDecodeError("utf-8", b"\xffab", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason)
try:
    b"abc\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("decode:", e, e.start, e.end)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("encode:", e, e.object, e.start, e.end)
mnf = ModuleNotFoundError("No module named 'xyz'", name="xyz")
print("ModuleNotFoundError:", mnf, mnf.name, mnf.path, repr(mnf))
try:
    [].missing_method
except AttributeError as e:
    print("AttributeError:", e, e.name, e.obj)
try:
    missing_global_xyz
except NameError as e:
    print("NameError:", e, e.name)
e = ValueError("mutable args")
e.args = ("changed", 1)
print(e, repr(e))
e.custom = "attribute"
print(e.custom, e.__dict__)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
m = MyErr(404, "not found")
print(m, repr(m), m.args, m.code)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
ns = NoSuper(1, 2)
print(ns.args, str(ns), repr(ns))
class StrOverride(Exception):
    def __str__(self):
        return "custom str"
print(StrOverride("x"), repr(StrOverride("x")), StrOverride("x").args)
print(BaseException.__new__(ValueError).args, type(ValueError.__doc__).__name__, ValueError.__name__)
try:
    raise ValueError
except ValueError as e:
    print("raised class:", repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
