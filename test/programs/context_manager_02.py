# Context managers built with generators by hand (no contextlib), resource tracking, reentrancy.
class managed:
    def __init__(self, gen_fn, *args):
        self.gen = gen_fn(*args)
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, typ, val, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(val)
        except StopIteration:
            return True
        except BaseException as e:
            if e is val:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw")

log = []
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name
    except ZeroDivisionError:
        log.append("handled zero")
    finally:
        log.append(f"</{name}>")

with managed(tag, "html"):
    with managed(tag, "body") as b:
        log.append(b)
print(log)
log.clear()
with managed(tag, "z"):
    1 / 0
print(log)
log.clear()
try:
    with managed(tag, "k"):
        {}["missing"]
except KeyError as e:
    print("KeyError", e, log)

class Stack:
    def __init__(self):
        self.depth = 0
    def __enter__(self):
        self.depth += 1
        return self.depth
    def __exit__(self, *exc):
        self.depth -= 1
s = Stack()
with s as d1:
    with s as d2:
        with s as d3:
            print(d1, d2, d3, s.depth)
print(s.depth)
