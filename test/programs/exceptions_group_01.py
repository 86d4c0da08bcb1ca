# ExceptionGroup and except* (new in 3.11): splitting, nesting, re-raising unhandled parts.
def show(eg, indent=""):
    print(f"{indent}{type(eg).__name__}: {eg.message if hasattr(eg, 'message') else eg}")
    for e in getattr(eg, "exceptions", ()):
        if isinstance(e, BaseExceptionGroup):
            show(e, indent + "  ")
        else:
            print(f"{indent}  {type(e).__name__}: {e}")

eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), ExceptionGroup("inner", [KeyError("k")])])
show(eg)
try:
    raise eg
except* ValueError as group:
    print("handled ValueErrors:", [str(e) for e in group.exceptions])
except* TypeError as group:
    print("handled TypeErrors:", [str(e) for e in group.exceptions])
except* LookupError as group:
    print("handled lookups:", type(group).__name__, len(group.exceptions), repr(group.exceptions[0]))

try:
    try:
        raise ExceptionGroup("partial", [ValueError("handled"), OSError("unhandled")])
    except* ValueError:
        print("ValueError part handled")
except ExceptionGroup as rest:
    print("left over:", [repr(e) for e in rest.exceptions], rest.message)

match_, rest = eg.split(ValueError)
print([str(e) for e in match_.exceptions], [type(e).__name__ for e in rest.exceptions])
sub = eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))
show(sub)
try:
    raise TypeError("plain")
except* TypeError as g:
    print("plain exception wrapped:", type(g).__name__, repr(g.exceptions))
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError", e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__, str(eg), eg.args[0])
