# compile() modes, flags and optimize levels; 'single' mode and sys.displayhook
import sys
import builtins

for src, mode in [("x = 1", "exec"), ("1 + 2", "eval"), ("1 + 2", "single"), ("if 1:\n  y = 2\n", "single")]:
    c = compile(src, "<m>", mode)
    print(mode, c.co_names, c.co_consts, c.co_flags, c.co_stacksize)

exec(compile("1 + 2", "<stdin>", "single"))
print("underscore:", builtins._)
exec(compile("None", "<stdin>", "single"))
print("underscore after None:", builtins._)
exec(compile("'text'", "<stdin>", "single"))
exec(compile("[1, 'a', None]", "<stdin>", "single"))
exec(compile("for i in range(3): i * 10\n", "<stdin>", "single"))
exec(compile("if True:\n    'branch'\n    42\n\n", "<stdin>", "single"))
exec(compile("q = 5", "<stdin>", "single"))
print("q =", q)

shown = []
def hook(value):
    shown.append(value)
sys.displayhook = hook
exec(compile("7 * 6", "<stdin>", "single"))
exec(compile("None", "<stdin>", "single"))
sys.displayhook = sys.__displayhook__
print("hook saw", shown)
del sys.displayhook
try:
    exec(compile("1", "<stdin>", "single"))
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = sys.__displayhook__
sys.displayhook(None)
sys.displayhook((1, 2))
print(builtins._)

# optimize: asserts, __debug__ and docstrings
src = '''
"""module doc"""
def f():
    """function doc"""
    assert False, "boom"
    return __debug__
'''
for level in (-1, 0, 1, 2):
    ns = {}
    exec(compile(src, "<opt>", "exec", optimize=level), ns)
    try:
        r = ns["f"]()
    except AssertionError as e:
        r = "AssertionError " + str(e)
    print(level, repr(ns.get("__doc__")), repr(ns["f"].__doc__), r)

# future flags: inherited by default, not with dont_inherit, or given explicitly
import __future__
ann = __future__.annotations.compiler_flag
print(hex(ann))
c1 = compile("def g(a: undefined_type) -> int: pass", "<f>", "exec")
c2 = compile("def g(a: undefined_type) -> int: pass", "<f>", "exec", ann)
print(hex(c1.co_flags), hex(c2.co_flags), hex(c2.co_consts[-2].co_flags if False else c2.co_flags))
ns = {}
exec(c2, ns)
print(ns["g"].__annotations__)
try:
    exec(c1, {})
except NameError as e:
    print("NameError:", e)
print(hex(compile("x", "a", "exec", 0x10).co_flags))
print(hex(compile("def f(): pass", "a", "exec", 0x10).co_consts[0].co_flags))
for flag in ("division", "absolute_import", "with_statement", "print_function", "unicode_literals", "generator_stop"):
    print(flag, hex(compile("1", "a", "eval", getattr(__future__, flag).compiler_flag).co_flags))
print(compile("1", "a", "eval", dont_inherit=True).co_flags)
