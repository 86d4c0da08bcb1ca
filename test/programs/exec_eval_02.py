# compile/exec/eval argument checking, with CPython's messages
def attempt(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r if not hasattr(r, "co_name") else ("code", r.co_name))

attempt("exec list globals", lambda: exec("x=1", []))
attempt("eval list globals", lambda: eval("x=1", []))
attempt("eval tuple globals", lambda: eval("1", (1,)))
attempt("eval int locals", lambda: eval("x", {}, 5))
attempt("exec int locals", lambda: exec("1", {}, 5))
attempt("eval int", lambda: eval(5))
attempt("exec int", lambda: exec(5))
attempt("compile int", lambda: compile(5, "a", "exec"))
attempt("bad mode", lambda: compile("5", "a", "foo"))
attempt("bad flags", lambda: compile("5", "a", "exec", 0x8))
attempt("bad optimize", lambda: compile("5", "a", "exec", optimize=3))
attempt("optimize -2", lambda: compile("5", "a", "exec", optimize=-2))
attempt("no mode", lambda: compile("5", "a"))
attempt("no source", lambda: compile())
attempt("exec none", lambda: exec())
attempt("eval none", lambda: eval())
attempt("eval four", lambda: eval("1", {}, {}, 4))
attempt("exec four", lambda: exec("1", {}, {}, 4))
attempt("exec kw", lambda: exec("1", {}, {}, x=4))
attempt("compile seven", lambda: compile("1", "a", "exec", 0, 0, 0, 0))
attempt("compile kw", lambda: compile("1", "a", "exec", x=0))
attempt("compile dup", lambda: compile("1", "a", "exec", source=0))
attempt("flags str", lambda: compile("1", "a", "exec", "x"))
attempt("dont_inherit float", lambda: compile("1", "a", "exec", 0, 1.5))
attempt("optimize str", lambda: compile("1", "a", "exec", 0, 0, "x"))
attempt("filename int", lambda: compile("5", 5, "exec"))
attempt("mode int", lambda: compile("5", "a", 5))
attempt("eval kw", lambda: eval("x", globals={}))
attempt("closure str", lambda: exec("x", closure=5))
attempt("func_type", lambda: compile("5", "a", "func_type"))
attempt("surrogate", lambda: compile("\ud800", "a", "exec"))
attempt("null byte", lambda: exec("a\0b"))
attempt("null byte bytes", lambda: eval(b"1\0"))
attempt("keywords ok", lambda: compile(source="1", filename="k", mode="eval", flags=0, dont_inherit=True, optimize=1))
attempt("bytes filename", lambda: compile("1", b"bytes.py", "eval").co_filename)

def outer():
    y = 1
    def inner():
        return y
    return inner

attempt("exec free vars", lambda: exec(outer().__code__))
attempt("eval free vars", lambda: eval(outer().__code__))
attempt("closure not cells", lambda: exec(outer().__code__, {}, closure=(1,)))
attempt("closure wrong size", lambda: exec(outer().__code__, {}, closure=()))
attempt("closure ok", lambda: exec(outer().__code__, {}, closure=outer().__closure__))
attempt("closure none", lambda: exec("1", {}, closure=None))
attempt("closure unneeded", lambda: exec((lambda: 0).__code__, {}, closure=(1,)))
attempt("locals list", lambda: exec("x = 1", {}, []))
attempt("globals dict subclass", lambda: eval("a", type("D", (dict,), {})(a=7)))
