"""CPython 3.11's side of the standard-library acceptance test (test/stdlib.test.ts).

  python3.11 tools/stdlib_oracle.py emit OUTDIR
      Compiles every .py file of the standard library (sysconfig stdlib path, site-packages
      excluded; files CPython itself rejects are listed as skipped), and writes for each:
      OUTDIR/N.bin = marshal.dumps(code), and in OUTDIR/manifest.json its path plus SHA-256 digests of
      co_lines(), co_positions() of every code object (pre-order: a code object, then the code
      objects in its co_consts) and of dis.dis() of the marshal-reloaded code object (reloaded so a
      frozenset constant iterates in the order marshal.loads gives it), with addresses normalized.
  python3.11 tools/stdlib_oracle.py verify OUTDIR
      For each N.ours (our marshal.dumps of what our loads read from N.bin), checks that
      marshal.loads gives a code object equal to the original: == and every field recursively.
      Prints a JSON list of mismatches.
  python3.11 tools/stdlib_oracle.py show PATH
      Prints the dis text of one file (for diffs when a digest differs).

Run with PYTHONHASHSEED=0. The text formats of the digests are mirrored in test/support/digests.ts.
"""
import dis
import hashlib
import io
import json
import marshal
import os
import re
import sys
import sysconfig
import warnings
from concurrent.futures import ProcessPoolExecutor

ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def stdlib_files():
    root = sysconfig.get_paths()["stdlib"]
    out = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "site-packages" and d != "__pycache__")
        out.extend(os.path.join(directory, f) for f in sorted(files) if f.endswith(".py"))
    return root, out


def code_tree(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, type(code)):
            yield from code_tree(const)


def fmt(value):
    return "None" if value is None else str(value)


def lines_text(code):
    return "".join(
        f"{c.co_qualname}:" + ";".join(",".join(fmt(v) for v in item) for item in c.co_lines()) + "\n"
        for c in code_tree(code)
    )


def positions_text(code):
    return "".join(
        f"{c.co_qualname}:" + ";".join(",".join(fmt(v) for v in item) for item in c.co_positions()) + "\n"
        for c in code_tree(code)
    )


def dis_text(code):
    buf = io.StringIO()
    dis.dis(code, file=buf)
    return ADDRESS.sub(" at 0x?", buf.getvalue())


def sha(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def emit_one(job):
    index, path, outdir = job
    warnings.simplefilter("ignore")
    try:
        with open(path, "rb") as f:
            source = f.read()
        code = compile(source, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, UnicodeDecodeError) as err:
        return {"path": path, "skipped": f"{type(err).__name__}: {err}"}
    data = marshal.dumps(code)
    with open(os.path.join(outdir, f"{index}.bin"), "wb") as f:
        f.write(data)
    reloaded = marshal.loads(data)
    return {
        "path": path,
        "file": f"{index}.bin",
        "bytes": len(data),
        "codeObjects": sum(1 for _ in code_tree(code)),
        "lines": sha(lines_text(code)),
        "positions": sha(positions_text(code)),
        "dis": sha(dis_text(reloaded)),
    }


def emit(outdir):
    root, files = stdlib_files()
    os.makedirs(outdir, exist_ok=True)
    jobs = [(i, path, outdir) for i, path in enumerate(files)]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(emit_one, jobs, chunksize=16))
    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        # hash(None) and hash(...) are addresses; the low bits that order small frozensets are the
        # same in every process of one build, so the test hands these to our set-order model.
        json.dump({"root": root, "version": sys.version, "noneHash": str(hash(None)),
                   "ellipsisHash": str(hash(...)), "files": results}, f)
    print(len(results))


# -- verify ------------------------------------------------------------------------------------------

def const_key(value):
    kind = type(value)
    if kind is float:
        return (kind, value.hex() if value == value else "nan")
    if kind is complex:
        return (kind, const_key(value.real), const_key(value.imag))
    if kind is tuple:
        return (kind, tuple(const_key(v) for v in value))
    if kind is frozenset:
        return (kind, frozenset(const_key(v) for v in value))
    if kind is type(const_key.__code__):
        return (kind, code_fields(value))
    return (kind, value)


def localsplus(code):
    count = len(code.co_varnames) + len(set(code.co_cellvars) - set(code.co_varnames)) + len(code.co_freevars)
    return tuple(code._varname_from_oparg(i) for i in range(count))


FIELDS = (
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
    "co_code", "co_names", "co_varnames", "co_cellvars", "co_freevars", "co_filename", "co_name",
    "co_qualname", "co_firstlineno", "co_linetable", "co_exceptiontable",
)


def code_fields(code):
    return tuple((name, getattr(code, name)) for name in FIELDS) + (
        ("localsplusnames", localsplus(code)),
        ("co_consts", tuple(const_key(c) for c in code.co_consts)),
    )


def first_difference(a, b, where="<module>"):
    for (name, x), (_, y) in zip(code_fields(a), code_fields(b)):
        if x != y:
            if name == "co_consts":
                for i, (ca, cb) in enumerate(zip(a.co_consts, b.co_consts)):
                    if isinstance(ca, type(a)) and isinstance(cb, type(a)):
                        inner = first_difference(ca, cb, ca.co_qualname)
                        if inner:
                            return inner
                    elif const_key(ca) != const_key(cb):
                        return f"{where}: co_consts[{i}]: {ca!r} != {cb!r}"
            return f"{where}: {name}: {x!r:.200} != {y!r:.200}"
    return None


def verify(outdir):
    with open(os.path.join(outdir, "manifest.json")) as f:
        manifest = json.load(f)
    problems = []
    checked = 0
    for entry in manifest["files"]:
        if "file" not in entry:
            continue
        ours_path = os.path.join(outdir, entry["file"].replace(".bin", ".ours"))
        if not os.path.exists(ours_path):
            continue
        with open(os.path.join(outdir, entry["file"]), "rb") as f:
            data = f.read()
        original = marshal.loads(data)
        # == on code objects compares constants by identity first, so a module with a nan constant
        # is not == even to CPython's own reload of it: demand == only where CPython's reload gives it.
        reload_equal = marshal.loads(data) == original
        try:
            with open(ours_path, "rb") as f:
                ours = marshal.loads(f.read())
        except Exception as err:
            problems.append({"path": entry["path"], "error": f"{type(err).__name__}: {err}"})
            continue
        checked += 1
        diff = first_difference(original, ours)
        if diff is None and reload_equal and original != ours:
            diff = "== is False"
        if diff:
            problems.append({"path": entry["path"], "error": diff})
    print(json.dumps({"checked": checked, "problems": problems}))


def show(path):
    warnings.simplefilter("ignore")
    with open(path, "rb") as f:
        code = compile(f.read(), path, "exec", dont_inherit=True)
    sys.stdout.write(dis_text(marshal.loads(marshal.dumps(code))))


if __name__ == "__main__":
    assert sys.version_info[:2] == (3, 11), "the oracle must be CPython 3.11"
    command, arg = sys.argv[1], sys.argv[2]
    {"emit": emit, "verify": verify, "show": show}[command](arg)
