# print(): file objects (write looked up per piece, flush only when flush is true), sys.stdout replaced or None, errors.
import sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class W:
    def __init__(self): self.out = []
    def write(self, s): self.out.append(s)
    def flush(self): self.out.append("FLUSH")
w = W()
print("a", "b", file=w, flush=True); print(file=w, end=""); print(1, 2, sep=None, end=None, file=w, flush=0)
t(lambda: w.out)
old = sys.stdout
sys.stdout = w
print("to w", flush=1)
sys.stdout = None
print("lost")
sys.stdout = old
t(lambda: w.out)
t(lambda: print("x", flush=1))
class BadTruth:
    def __bool__(self): raise ValueError("nope")
t(lambda: print("never", flush=BadTruth()))
t(lambda: print("x", file=object()))
class WriteOnce:
    def write(self, s): raise OSError("disk full")
t(lambda: print("x", file=WriteOnce()))
class Switching:
    def __init__(self):
        self.log = []
        self.write = self.first
    def first(self, s):
        self.log.append("1:" + s)
        self.write = self.second
    def second(self, s):
        self.log.append("2:" + s)
sw = Switching()
print("a", "b", file=sw)
t(lambda: sw.log)
class Noisy:
    def __str__(self):
        print("(str called)", file=sys.stderr)
        return "noisy"
t(lambda: print(Noisy(), file=object()))
saved = sys.stdout
del sys.stdout
try:
    print("gone")
except RuntimeError as e:
    print("RuntimeError:", e, file=sys.stderr)
sys.stdout = saved
print("back", flush=True)
