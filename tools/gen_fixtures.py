"""Regenerates test/fixtures/: .pyc files compiled by CPython 3.11 and the facts the tests expect.

Run with python3.11: `python3.11 tools/gen_fixtures.py [--check]`. For every test/fixtures/src/NAME.py
it writes test/fixtures/NAME.pyc exactly as CPython 3.11 would (compile() + marshal.dumps + the
16-byte header) and adds an entry to test/fixtures/expected.json: the header fields and the whole code
object tree in the "tagged" JSON form below, so the marshal tests can check our reader without
running Python. Headers are deterministic: hash-based pycs (checked and unchecked) and one
timestamp pyc with a fixed mtime. With --check it writes nothing and exits 1 if any file differs.

The tagged form (also produced by test/fixtures/tagged.ts for our values, and imported by the tests'
Python helpers via `from gen_fixtures import tag`):
  None -> ["None"]; bool -> ["bool", b]; int -> ["int", "decimal"]; float -> ["float", hex of the
  8 little-endian bytes]; complex -> ["complex", re, im]; str -> ["str", s] or, when it holds
  surrogate code points (JSON cannot keep those apart from astral characters), ["strcp", [cp...]];
  bytes -> ["bytes", hex]; tuple/list/set/frozenset -> [kind, [items]]; dict -> ["dict", [[k, v]...]];
  Ellipsis -> ["Ellipsis"]; StopIteration -> ["StopIteration"]; code -> ["code", {co_* fields}].
"""
import importlib.util
import json
import marshal
import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "test", "fixtures")
SOURCES = os.path.join(FIXTURES, "src")
EXPECTED = os.path.join(FIXTURES, "expected.json")

# How each fixture's header is made; anything not listed is a checked hash-based pyc.
HEADER_KIND = {"functions": "timestamp", "closures": "unchecked-hash"}
FIXED_MTIME = 1_700_000_000  # a timestamp pyc's mtime, fixed so regenerating changes nothing


def tag(v):
    """The tagged JSON form of a marshallable value (see the module docstring)."""
    if v is None:
        return ["None"]
    if v is Ellipsis:
        return ["Ellipsis"]
    if v is StopIteration:
        return ["StopIteration"]
    t = type(v)
    if t is bool:
        return ["bool", v]
    if t is int:
        return ["int", str(v)]
    if t is float:
        return ["float", struct.pack("<d", v).hex()]
    if t is complex:
        return ["complex", struct.pack("<d", v.real).hex(), struct.pack("<d", v.imag).hex()]
    if t is str:
        if any(0xD800 <= ord(c) <= 0xDFFF for c in v):
            return ["strcp", [ord(c) for c in v]]
        return ["str", v]
    if t is bytes:
        return ["bytes", v.hex()]
    if t in (tuple, list):
        return [t.__name__, [tag(x) for x in v]]
    if t in (set, frozenset):
        # Sorted, so the output does not depend on hash order (PYTHONHASHSEED).
        return [t.__name__, sorted((tag(x) for x in v), key=json.dumps)]
    if t is dict:
        return ["dict", [[tag(k), tag(x)] for k, x in v.items()]]
    if t is type(tag.__code__):
        return ["code", code_facts(v)]
    raise TypeError(f"cannot tag {t.__name__}")


def code_facts(co):
    """Every field marshal stores, in Python's spelling (localsplus as varnames/cellvars/freevars)."""
    return {
        "co_argcount": co.co_argcount,
        "co_posonlyargcount": co.co_posonlyargcount,
        "co_kwonlyargcount": co.co_kwonlyargcount,
        "co_stacksize": co.co_stacksize,
        "co_flags": co.co_flags,
        "co_nlocals": co.co_nlocals,
        "co_code": co.co_code.hex(),
        "co_consts": [tag(c) for c in co.co_consts],
        "co_names": list(co.co_names),
        "co_varnames": list(co.co_varnames),
        "co_cellvars": list(co.co_cellvars),
        "co_freevars": list(co.co_freevars),
        "co_filename": co.co_filename,
        "co_name": co.co_name,
        "co_qualname": co.co_qualname,
        "co_firstlineno": co.co_firstlineno,
        "co_linetable": co.co_linetable.hex(),
        "co_exceptiontable": co.co_exceptiontable.hex(),
    }


def build(name):
    """(pyc bytes, expected entry) for test/fixtures/src/NAME.py."""
    with open(os.path.join(SOURCES, name + ".py"), "rb") as f:
        source = f.read()
    # A relative co_filename keeps the fixtures independent of where the checkout lives.
    code = compile(source, f"test/fixtures/src/{name}.py", "exec", dont_inherit=True)
    kind = HEADER_KIND.get(name, "checked-hash")
    entry = {"kind": kind, "magic": int.from_bytes(importlib.util.MAGIC_NUMBER[:2], "little")}
    if kind == "timestamp":
        flags = 0
        rest = struct.pack("<II", FIXED_MTIME, len(source) & 0xFFFFFFFF)
        entry.update(mtime=FIXED_MTIME, sourceSize=len(source))
    else:
        flags = 0b01 | (0b10 if kind == "checked-hash" else 0)
        rest = importlib.util.source_hash(source)
        entry.update(sourceHash=rest.hex())
    entry["flags"] = flags
    body = marshal.dumps(code)
    entry["marshalSize"] = len(body)
    entry["code"] = tag(code)
    return importlib.util.MAGIC_NUMBER + struct.pack("<I", flags) + rest + body, entry


def main():
    assert sys.version_info[:2] == (3, 11), "fixtures must come from CPython 3.11"
    check = "--check" in sys.argv[1:]
    names = sorted(f[:-3] for f in os.listdir(SOURCES) if f.endswith(".py"))
    expected = {}
    stale = []
    for name in names:
        pyc, entry = build(name)
        expected[name] = entry
        path = os.path.join(FIXTURES, name + ".pyc")
        if check:
            if not os.path.exists(path) or open(path, "rb").read() != pyc:
                stale.append(path)
        else:
            with open(path, "wb") as f:
                f.write(pyc)
    text = json.dumps(expected, indent=1, sort_keys=True) + "\n"
    if check:
        if not os.path.exists(EXPECTED) or open(EXPECTED, encoding="utf-8").read() != text:
            stale.append(EXPECTED)
        if stale:
            print("stale fixtures (run python3.11 tools/gen_fixtures.py):", *stale, sep="\n  ")
            sys.exit(1)
        print(f"{len(names)} fixtures up to date")
    else:
        with open(EXPECTED, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {len(names)} fixtures to {os.path.relpath(FIXTURES, ROOT)}")


if __name__ == "__main__":
    main()
