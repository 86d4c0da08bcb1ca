# RecursionError messages that do not depend on call-stack parity: plain Python recursion, deep nested container repr, generators.
import sys
def plain(n):
    return plain(n + 1)
def method_chain(obj, n):
    return obj.step(n)
class Stepper:
    def step(self, n):
        return method_chain(self, n + 1)
for label, fn in [("plain", lambda: plain(0)), ("methods", lambda: Stepper().step(0))]:
    try:
        fn()
        print(label, "no error")
    except RecursionError as e:
        print(label, "RecursionError:", e)
nested = []
for _ in range(5000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print("nested list repr RecursionError:", e)
d = {}
for _ in range(5000):
    d = {"k": d}
try:
    str(d)
except RecursionError as e:
    print("nested dict str RecursionError:", e)
def depth_reached():
    n = 0
    def go():
        nonlocal n
        n += 1
        go()
    try:
        go()
    except RecursionError:
        return n
limit = sys.getrecursionlimit()
reached = depth_reached()
print(limit, limit - 50 < reached < limit)
sys.setrecursionlimit(200)
reached = depth_reached()
print(sys.getrecursionlimit(), 150 < reached < 200)
sys.setrecursionlimit(1000)
print("recovered:", plain.__name__, sum(range(10)))
def recursive_gen(n):
    yield n
    yield from recursive_gen(n + 1)
try:
    for v in recursive_gen(0):
        pass
except RecursionError as e:
    print("generator RecursionError:", e, v > 100)
