"""CPython 3.11's ASTs of source files, for comparing our parser and ast-dump with the oracle.

Run with python3.11 (PYTHONHASHSEED=0):

  python3.11 tools/ast_reference.py [PATH ...]
      one line per file: `<sha256 of ast.dump(tree, include_attributes=True)> <path>`, or
      `ERROR <exception type> <path>` when CPython rejects the file. Paths come from argv, or one
      per line on stdin when there are none.

  python3.11 tools/ast_reference.py --json [--dumps] [PATH ...]
      one JSON document per line per file: {"path": p, "tree": TREE} or {"path": p, "error": type}.
      With --dumps each record also has "dumps": the sha256 of ast.dump(tree),
      ast.dump(tree, include_attributes=True) and ast.dump(tree, indent=2), in that order.

Each file is parsed as CPython compiles a file: ast.parse(<its bytes>, path) (the bytes go through
the BOM / coding cookie detection; type_comments=False, as ast.parse's default).

TREE, the JSON form of a node: {"_type": class name, <field>: value ..., <attribute>: value ...}
with the fields in _fields order, then the attributes the node has. Lists are arrays; None is
null. ASDL `identifier` and `string` values are JSON strings and `int` values JSON numbers. Values
of `constant` fields (Constant.value, MatchSingleton.value) are tagged by type:
  None -> null, True/False -> true/false,
  int -> {"$int": "<decimal>"}, float -> {"$float": float.hex(x)} (exact, incl. -0.0, inf, nan),
  complex -> {"$complex": [float.hex(real), float.hex(imag)]},
  str -> {"$str": "<text>"}, or {"$str": [code points]} when it holds any surrogate (JSON text
         cannot keep a high+low surrogate pair apart from the astral character they spell),
  bytes -> {"$bytes": "<base64>"}, Ellipsis -> {"$ellipsis": true}.
"""
import ast
import base64
import hashlib
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_ast import signature  # noqa: E402  (the ASDL field types, read from ast's docstrings)

sys.set_int_max_str_digits(0)  # the tree may hold ints that repr() would refuse
_FIELD_TYPES = {}


def field_types(cls):
    types = _FIELD_TYPES.get(cls)
    if types is None:
        types = _FIELD_TYPES[cls] = [asdl_type for _, asdl_type, _ in signature(cls)]
    return types


def tag_constant(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return {"$int": str(v)}
    if isinstance(v, float):
        return {"$float": v.hex()}
    if isinstance(v, complex):
        return {"$complex": [v.real.hex(), v.imag.hex()]}
    if isinstance(v, str):
        if any(0xD800 <= ord(c) <= 0xDFFF for c in v):
            return {"$str": [ord(c) for c in v]}
        return {"$str": v}
    if isinstance(v, bytes):
        return {"$bytes": base64.b64encode(v).decode("ascii")}
    if v is Ellipsis:
        return {"$ellipsis": True}
    raise TypeError(f"unexpected constant {v!r}")


def to_json(value, asdl_type=None):
    if isinstance(value, ast.AST):
        cls = type(value)
        out = {"_type": cls.__name__}
        for name, field_type in zip(cls._fields, field_types(cls)):
            if hasattr(value, name):
                out[name] = to_json(getattr(value, name), field_type)
        for name in cls._attributes:
            if hasattr(value, name):
                out[name] = getattr(value, name)
        return out
    if isinstance(value, list):
        return [to_json(x, asdl_type) for x in value]
    if asdl_type == "constant":
        return tag_constant(value)
    assert value is None or type(value) in (str, int), (asdl_type, value)
    return value


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_file(path):
    """(tree, None) or (None, exception type name)."""
    try:
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences etc.: not our output
            return ast.parse(source, path), None
    except Exception as e:  # SyntaxError and subclasses, ValueError (null bytes), RecursionError, ...
        return None, type(e).__name__


def main(argv):
    json_mode = "--json" in argv
    with_dumps = "--dumps" in argv
    paths = [a for a in argv if a not in ("--json", "--dumps")]
    if not paths:
        paths = [line.rstrip("\r\n") for line in sys.stdin if line.strip()]
    out = sys.stdout
    for path in paths:
        tree, error = parse_file(path)
        if not json_mode:
            if error is not None:
                out.write(f"ERROR {error} {path}\n")
            else:
                out.write(f"{sha(ast.dump(tree, include_attributes=True))} {path}\n")
            continue
        if error is not None:
            record = {"path": path, "error": error}
        else:
            record = {"path": path, "tree": to_json(tree)}
            if with_dumps:
                record["dumps"] = [
                    sha(ast.dump(tree)),
                    sha(ast.dump(tree, include_attributes=True)),
                    sha(ast.dump(tree, indent=2)),
                ]
        out.write(json.dumps(record, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
