# print() details: stdout/stderr interleaving, sep/end with empty and multi-char strings, file objects with write(), errors.
import sys
print("out 1")
print("err 1", file=sys.stderr)
print("a", "b", sep="", end="")
print("c", sep="XYZ")
print("x", "y", "z", sep=" <-> ", end=" END\n")
print(sep="ignored", end="only end\n")
print("", "", "", sep="|")
print(*"abc", sep="\n", end="\n--\n")
print([1, "two"], ("t",), {"k": None}, {1, 2}, 3.0, -0.0, b"b", None, sep=";")
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
c = Collector()
print("hello", 42, sep="+", end="!", file=c)
print(file=c)
print("second", file=c, flush=False)
print(c.parts)
class NoFlush:
    def write(self, s):
        pass
try:
    print("x", file=NoFlush(), flush=True)
except AttributeError as e:
    print("AttributeError:", e)
for kwargs in [{"sep": 1}, {"end": []}, {"file": 5}, {"bogus": 1}]:
    try:
        print("x", **kwargs)
    except (TypeError, AttributeError) as e:
        print(sorted(kwargs), type(e).__name__ + ":", e)
print("after errors", file=sys.stdout, flush=True)
sys.stderr.write("err 2 via write\n")
print(sys.stdout.write(""), sys.stdout.write("partial "), sys.stderr.write("e"))
print("end of out")
class Str:
    def __str__(self):
        return "custom-str"
    def __repr__(self):
        return "custom-repr"
print(Str(), [Str()], f"{Str()}", str(Str()), repr(Str()))
print("%s and %r" % (Str(), Str()), file=sys.stderr)
print(None, file=None)
print("tab\there", "nl\\n", 'quote"s', "uni ☃ \U0001F600")
