#!/usr/bin/env python3.11
"""CPython 3.11's verdict on every invalid snippet of the parser's syntax-error corpus.

Reads test/parser/syntax-errors.txt (hand-written) and test/parser/syntax-errors-harvested.txt
(harvested from CPython's own tests; see --harvest), both in the block format documented at the top of
syntax-errors.txt, and writes test/parser/syntax-errors.expected.json:

    {"python": "3.11.7", "filename": "<case>",
     "cases": [{"file", "name", "mode", "input": "str" | "bytes",
                "source" (input "str") | "source_base64" (input "bytes"),
                "stage": "parser" | "compile" | "ok",
                "error": {"type", "msg", "lineno", "offset", "end_lineno", "end_offset", "text"} | null,
                "warnings": ["SyntaxWarning: ...", ...]}],
     "deep": [{"name", "parts": [[text, times], ...], "parse": OUTCOME, "compile": OUTCOME}]}

stage: "parser" when ast.parse() raises (the error recorded is ast.parse's), "compile" when only
compile() raises (symtable/compiler errors: the parser must accept these), "ok" when neither raises
(kept and flagged for hand-written cases, so a wrong case is visible; dropped for harvested ones).
Exceptions that are not SyntaxError (ValueError for NUL bytes, MemoryError, RecursionError) are
recorded with their type and str() and null positions.

"deep" holds generated deeply nested expressions (1000 and 5000 levels of parentheses, lambdas, unary
minus, ...): OUTCOME is {"ok": true} or {"ok": false, "type", "msg"} for ast.parse and compile. The
fuzz script (test/parser-fuzz.mjs) checks our parser against the "parse" outcome.

Usage (always with PYTHONHASHSEED=0):
    python3.11 tools/gen_syntax_errors.py            write syntax-errors.expected.json
    python3.11 tools/gen_syntax_errors.py --harvest  (re)write syntax-errors-harvested.txt from
                                                     python3.11's Lib/test, then the JSON
    python3.11 tools/gen_syntax_errors.py --check    exit 1 if the committed JSON is stale
"""
from __future__ import annotations

import ast
import base64
import doctest
import json
import sys
import sysconfig
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "test" / "parser"
HAND_WRITTEN = CORPUS_DIR / "syntax-errors.txt"
HARVESTED = CORPUS_DIR / "syntax-errors-harvested.txt"
EXPECTED = CORPUS_DIR / "syntax-errors.expected.json"
FILENAME = "<case>"
MODES = ("exec", "eval", "single")
FLAGS = {"escaped", "bytes", "noeol"}
SYNTAX_ERRORS = ("SyntaxError", "IndentationError", "TabError")


# ---------------------------------------------------------------------------------------------
# The block format

def decode_escaped(body: str) -> bytes:
    """Decodes the `escaped` flag's escapes into bytes (\\xNN is one raw byte)."""
    out = bytearray()
    simple = {"\\": b"\\", "n": b"\n", "r": b"\r", "t": b"\t", "f": b"\f", "v": b"\v", "0": b"\0"}
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out += ch.encode("utf-8", "surrogatepass")
            i += 1
            continue
        kind = body[i + 1]
        if kind in simple:
            out += simple[kind]
            i += 2
        elif kind == "x":
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif kind in "uU":
            width = 4 if kind == "u" else 8
            out += chr(int(body[i + 2:i + 2 + width], 16)).encode("utf-8", "surrogatepass")
            i += 2 + width
        else:
            raise ValueError(f"unknown escape \\{kind} in {body!r}")
    return bytes(out)


def read_cases(path: Path) -> list[dict]:
    """The cases of one block-format file, in file order: name, mode, as_bytes, source (bytes)."""
    cases: list[dict] = []
    current: dict | None = None
    seen: set[str] = set()

    def finish() -> None:
        if current is None:
            return
        lines = current.pop("lines")
        while lines and lines[-1] == "":
            lines.pop()
        text = "\n".join(lines) + ("" if "noeol" in current["flags"] else "\n")
        current["source"] = (decode_escaped(text) if "escaped" in current["flags"]
                             else text.encode("utf-8", "surrogatepass"))
        current["as_bytes"] = "bytes" in current["flags"]
        cases.append(current)

    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("=== "):
            finish()
            name, *flags = line[4:].split()
            if name in seen:
                raise ValueError(f"{path.name}: duplicate case name {name}")
            seen.add(name)
            mode = "exec"
            for flag in flags:
                if flag.startswith("mode="):
                    mode = flag[5:]
                    if mode not in MODES:
                        raise ValueError(f"{path.name}: {name}: bad mode {mode}")
                elif flag not in FLAGS:
                    raise ValueError(f"{path.name}: {name}: unknown flag {flag}")
            current = {"name": name, "flags": [f for f in flags if not f.startswith("mode=")],
                       "mode": mode, "lines": []}
        elif current is not None:
            current["lines"].append(line)
    finish()
    return cases


def source_object(case: dict) -> str | bytes:
    """What ast.parse/compile are handed: bytes, or the UTF-8 (surrogates allowed) text."""
    return case["source"] if case["as_bytes"] else case["source"].decode("utf-8", "surrogatepass")


def escape_for_block(src: str | bytes) -> str:
    """One `escaped` body line that decodes back to src (as UTF-8 bytes when src is a str)."""
    named = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\v": "\\v",
             "\0": "\\0"}
    if isinstance(src, bytes):
        return "".join(named.get(chr(b), chr(b)) if 0x20 <= b < 0x7f or chr(b) in named
                       else f"\\x{b:02x}" for b in src)
    out = []
    for ch in src:
        if ch in named:
            out.append(named[ch])
        elif ch.isprintable() and not 0xd800 <= ord(ch) <= 0xdfff:
            out.append(ch)
        elif ord(ch) <= 0xffff:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Harvesting CPython's own tests (as data: only the snippet text is taken)

class SnippetCollector(ast.NodeVisitor):
    """Finds literal snippets passed to the tests' syntax-error helpers, in source order.

    A name bound to a literal by a plain `name = <literal>` earlier in the same scope is resolved,
    so `s = '...'; ckmsg(s, ...)` is harvested too. Anything else (f-strings, joins) is skipped.
    """
    # helper name -> (index of the snippet argument, mode, snippet argument is a list)
    HELPERS = {
        "_check_error": (0, "exec", False),
        "check_syntax_error": (1, "exec", False),  # check_syntax_error(self, statement, ...)
        "assertAllRaise": (2, "eval", True),       # test_fstring: eval() of each string
        "check": (0, "exec", False),               # test_exceptions.check(src, lineno, offset)
        "ckmsg": (0, "exec", False),
    }

    def __init__(self, label: str):
        self.label = label
        self.found: list[tuple[str, str, str | bytes]] = []  # (name, mode, source)
        self.scopes: list[dict[str, object]] = [{}]

    def literal(self, node: ast.AST) -> object:
        if isinstance(node, ast.Name):
            for scope in reversed(self.scopes):
                if node.id in scope:
                    return scope[node.id]
            return None
        try:
            return ast.literal_eval(node)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return None

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.scopes.append({})
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = self.literal(node.value)
            self.scopes[-1][node.targets[0].id] = value if isinstance(value, (str, bytes)) else None

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func = node.func
        helper = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if helper not in self.HELPERS:
            return
        index, mode, is_list = self.HELPERS[helper]
        if helper == "assertAllRaise":
            if not (node.args and isinstance(node.args[0], ast.Name)
                    and node.args[0].id in SYNTAX_ERRORS):
                return
        if helper == "_check_error":
            for kw in node.keywords:
                if kw.arg == "mode" and isinstance(kw.value, ast.Constant):
                    mode = kw.value.value
        if len(node.args) <= index:
            return
        value = self.literal(node.args[index])
        snippets = value if is_list and isinstance(value, list) else [value]
        for snippet in snippets:
            if isinstance(snippet, (str, bytes)):
                self.found.append((f"{self.label}_{node.lineno}", mode, snippet))


def harvest_file(path: Path, label: str) -> list[tuple[str, str, str | bytes]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    collector = SnippetCollector(label)
    collector.visit(tree)
    found = list(collector.found)
    # doctest examples (test_syntax's module docstring) whose expected output is a SyntaxError
    parser = doctest.DocTestParser()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if not doc:
                continue
            base = getattr(node, "lineno", 1)
            for example in parser.get_examples(doc):
                if example.exc_msg is not None and example.exc_msg.split(":")[0] in SYNTAX_ERRORS:
                    found.append((f"{label}_doctest_{base + example.lineno}", "single",
                                  example.source))
    return found


def write_harvest() -> None:
    test_dir = Path(sysconfig.get_paths()["stdlib"]) / "test"
    sources = [("test_syntax", "syntax"), ("test_grammar", "grammar"),
               ("test_fstring", "fstring"), ("test_exceptions", "exceptions")]
    seen: set[tuple[str, str | bytes]] = set()
    names: set[str] = set()
    blocks: list[str] = []
    raw = 0
    for module, label in sources:
        for name, mode, snippet in harvest_file(test_dir / f"{module}.py", label):
            raw += 1
            key = (mode, snippet)
            if key in seen:
                continue
            seen.add(key)
            if outcome_stage(snippet, mode)[0] == "ok":
                continue  # valid in 3.11 (the test checks something else, e.g. a warning)
            unique, n = name, 1
            while unique in names:
                n += 1
                unique = f"{name}_{n}"
            names.add(unique)
            flags = ["escaped"] + (["bytes"] if isinstance(snippet, bytes) else []) + ["noeol"]
            if mode != "exec":
                flags.append(f"mode={mode}")
            blocks.append(f"=== {unique} {' '.join(flags)}\n{escape_for_block(snippet)}\n")
    header = (
        "# Syntax-error snippets harvested as DATA from python3.11's Lib/test (test_syntax.py,\n"
        "# test_grammar.py, test_fstring.py, test_exceptions.py) by\n"
        "# `PYTHONHASHSEED=0 python3.11 tools/gen_syntax_errors.py --harvest`. Do not edit by hand.\n"
        "# Block format: see the top of syntax-errors.txt. Every body is one `escaped` line.\n"
        "# Names: <test file>_<line of the helper call>, or <test file>_doctest_<line>.\n"
        "# Snippets CPython 3.11 accepts, and duplicates, are left out.\n")
    HARVESTED.write_text(header + "".join(blocks), encoding="utf-8")
    print(f"harvested {len(blocks)} cases ({raw} snippets found) into {HARVESTED.relative_to(ROOT)}",
          file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# CPython's verdict

def describe(exc: BaseException) -> dict:
    if isinstance(exc, SyntaxError):
        return {"type": type(exc).__name__, "msg": exc.msg, "lineno": exc.lineno,
                "offset": exc.offset, "end_lineno": exc.end_lineno, "end_offset": exc.end_offset,
                "text": exc.text}
    return {"type": type(exc).__name__, "msg": str(exc), "lineno": None, "offset": None,
            "end_lineno": None, "end_offset": None, "text": None}


def outcome_stage(source: str | bytes, mode: str) -> tuple[str, dict | None, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ast.parse(source, FILENAME, mode)
        except Exception as exc:  # MemoryError/RecursionError are Exceptions too
            return "parser", describe(exc), [f"{w.category.__name__}: {w.message}" for w in caught]
        try:
            compile(source, FILENAME, mode, dont_inherit=True)
        except Exception as exc:
            return "compile", describe(exc), [f"{w.category.__name__}: {w.message}" for w in caught]
        return "ok", None, [f"{w.category.__name__}: {w.message}" for w in caught]


def case_record(file: str, case: dict) -> dict:
    src = source_object(case)
    stage, error, caught = outcome_stage(src, case["mode"])
    record = {"file": file, "name": case["name"], "mode": case["mode"],
              "input": "bytes" if case["as_bytes"] else "str"}
    if case["as_bytes"]:
        record["source_base64"] = base64.b64encode(src).decode("ascii")
    else:
        record["source"] = src
    record.update({"stage": stage, "error": error, "warnings": sorted(set(caught))})
    return record


def deep_sources() -> list[tuple[str, list[list]]]:
    """Deeply nested expressions: what the parser must survive without a JS stack overflow.

    Each source is stored as parts, [[text, times], ...]: the source is each text repeated `times`
    times, concatenated (keeps the JSON small).
    """
    def chain(item: str, sep: str, n: int) -> list[list]:
        return [[item + sep, n - 1], [item, 1]]

    indent = "".join(" " * i + "if x:\n" for i in range(100)) + " " * 100 + "pass\n"
    recipes = {
        "parens": lambda n: [["(", n], ["1", 1], [")", n]],
        "brackets": lambda n: [["[", n], ["]", n]],
        "braces": lambda n: [["{", n], ["}", n]],
        "lambdas": lambda n: [["lambda: ", n], ["1", 1]],
        "unary_minus": lambda n: [["-", n], ["1", 1]],
        "not": lambda n: [["not ", n], ["x", 1]],
        "ifelse": lambda n: [["1 if x else ", n], ["2", 1]],
        "string_concat": lambda n: chain("'a'", " ", n),
        "fstring_concat": lambda n: chain("f'{a}'", " ", n),
        "binop_chain": lambda n: chain("1", "+", n),
        "power_chain": lambda n: chain("2", "**", n),
        "attribute_chain": lambda n: [["x", 1], [".a", n]],
        "call_chain": lambda n: [["f", 1], ["()", n]],
        "subscript_chain": lambda n: [["x", 1], ["[0]", n]],
        "comparison_chain": lambda n: chain("a", "<", n),
        "tuple_nesting_199": lambda n: [["(", 199], ["1,", 1], [")", 199]],
        "indent_levels_100": lambda n: [[indent, 1]],
    }
    out = []
    for size in (1000, 5000):
        for name, make in recipes.items():
            fixed = name in ("tuple_nesting_199", "indent_levels_100")  # sizes of their own
            if fixed and size != 1000:
                continue
            out.append((name if fixed else f"{name}_{size}", make(size)))
    return out


def run_outcome(fn) -> dict:
    try:
        fn()
        return {"ok": True}
    except Exception as exc:
        # SyntaxError: its msg alone (str() appends "(<case>, line N)")
        msg = exc.msg if isinstance(exc, SyntaxError) else str(exc)
        return {"ok": False, "type": type(exc).__name__, "msg": msg}


def deep_record(name: str, parts: list[list]) -> dict:
    source = "".join(text * times for text, times in parts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {"name": name, "parts": parts,
                "parse": run_outcome(lambda: ast.parse(source, FILENAME)),
                "compile": run_outcome(lambda: compile(source, FILENAME, "exec", dont_inherit=True))}


def build_expected() -> str:
    cases = []
    for path in (HAND_WRITTEN, HARVESTED):
        if path.exists():
            cases += [case_record(path.name, case) for case in read_cases(path)]
    document = {
        "python": sys.version.split()[0],
        "filename": FILENAME,
        "cases": cases,
        "deep": [deep_record(name, parts) for name, parts in deep_sources()],
    }
    return json.dumps(document, ensure_ascii=True, indent=1) + "\n"


def summary(text: str) -> str:
    document = json.loads(text)
    lines = []
    for file in (HAND_WRITTEN.name, HARVESTED.name):
        stages: dict[str, int] = {}
        for case in document["cases"]:
            if case["file"] == file:
                stages[case["stage"]] = stages.get(case["stage"], 0) + 1
        lines.append(f"{file}: {sum(stages.values())} cases " +
                     ", ".join(f"{k} {v}" for k, v in sorted(stages.items())))
    ok = [c["name"] for c in document["cases"] if c["stage"] == "ok"]
    if ok:
        lines.append("FLAGGED (CPython accepts these): " + " ".join(ok))
    lines.append(f"deep: {len(document['deep'])} cases")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if sys.flags.hash_randomization and not sys.flags.ignore_environment:
        import os
        if os.environ.get("PYTHONHASHSEED") != "0":
            print("run with PYTHONHASHSEED=0", file=sys.stderr)
            return 2
    sys.setrecursionlimit(10000)  # harvesting walks big test modules; deep cases set their own
    if "--harvest" in argv:
        write_harvest()
    sys.setrecursionlimit(1000)  # CPython's default: deep-case outcomes must match a plain run
    text = build_expected()
    if "--check" in argv:
        if not EXPECTED.exists() or EXPECTED.read_text(encoding="utf-8") != text:
            print(f"{EXPECTED.relative_to(ROOT)} is stale: rerun tools/gen_syntax_errors.py",
                  file=sys.stderr)
            return 1
        print(summary(text))
        return 0
    EXPECTED.write_text(text, encoding="utf-8")
    print(summary(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
