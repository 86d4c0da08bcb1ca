import things

t = things.Thing(4)
print(t.double(), type(t), type(t).__module__, things.Thing.__doc__)
print(repr(t).split(" at ")[0])
print(things.add(1), things.add(2), things.items)
things.RATE = 2.0
print(things.get_rate())
print(things.root(16.0), things._math.pi > 3)
print(getattr(things, "nope", "default"))
try:
    things.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del things.nope
except AttributeError as e:
    print(type(e).__name__, e)
setattr(things, "dyn", 5)
print(things.dyn, things.__dict__["dyn"])
print(str(things) == repr(things), things.__class__)
print(isinstance(things, type(things)), type(things) is type(__builtins__))
print(things.__name__ == "things", things.__doc__)
ns = vars(things)
print(ns["RATE"], list(ns)[:8])
print(things.Thing.double.__qualname__, things.add.__module__)
