"""CPython 3.11's symbol tables of source files, as JSON, for test/compiler-symtable.test.ts.

Run with python3.11 (PYTHONHASHSEED=0): paths one per line on stdin; one JSON line per path:
  {"path": p, "table": TABLE}  or  {"path": p, "error": [type, msg, lineno, offset, end_lineno, end_offset]}
TABLE = [type, name, lineno, is_optimized, is_nested, [[identifier, raw flags, scope] ...], [child TABLE ...]]
with identifiers in get_identifiers() order (the symbols dict's insertion order) and children in order.
The file is read as bytes, as compile() reads a file (coding cookie, BOM).

With --code each record also has "code": for every code object compile() makes of the file, below
the module's, [co_name, co_flags & CODE_FLAGS, sorted co_cellvars, sorted co_freevars], sorted
(null when compile() rejects the file): the facts the code generator takes from the symbol table.
"""
import json
import sys
import symtable
import warnings


def dump(t):
    syms = []
    for name in t.get_identifiers():
        s = t.lookup(name)
        syms.append([name, s._Symbol__flags, s._Symbol__scope])
    return [t.get_type(), t.get_name(), t.get_lineno(), t.is_optimized(), t.is_nested(), syms,
            [dump(c) for c in t.get_children()]]


# CO_OPTIMIZED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR
CODE_FLAGS = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x80 | 0x200


def code_facts(src, path):
    try:
        top = compile(src, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return None
    out = []

    def walk(co):
        for k in co.co_consts:
            if hasattr(k, "co_code"):
                out.append([k.co_name, k.co_flags & CODE_FLAGS, sorted(k.co_cellvars), sorted(k.co_freevars)])
                walk(k)

    walk(top)
    return sorted(out)


def main():
    with_code = "--code" in sys.argv
    warnings.simplefilter("ignore")
    for path in sys.stdin.read().split("\n"):
        if not path:
            continue
        try:
            with open(path, "rb") as f:
                src = f.read()
            rec = {"path": path, "table": dump(symtable.symtable(src, path, "exec"))}
            if with_code:
                rec["code"] = code_facts(src, path)
        except (SyntaxError, ValueError) as e:
            rec = {"path": path, "error": [type(e).__name__, getattr(e, "msg", str(e)), getattr(e, "lineno", None),
                                           getattr(e, "offset", None), getattr(e, "end_lineno", None),
                                           getattr(e, "end_offset", None)]}
        print(json.dumps(rec))


if __name__ == "__main__":
    main()
