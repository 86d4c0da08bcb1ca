#!/usr/bin/env python3.11
"""Expected results of the multi-file module corpus, test/modules/CASE/, produced by CPython 3.11.

Each case is a directory holding main.py and the modules it imports (plain modules, packages). For
each, this runs `python3.11 -X utf8 -B main.py` with PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1
(no __pycache__ is written), cwd the case directory and a scrubbed environment (the same as
tools/gen_expected.py), and writes CASE/expected.json = {"stdout", "stderr", "exit"}.

CPython makes sys.path[0] (the script's directory) absolute, so module paths in tracebacks, reprs
and ImportError messages are absolute. As for test/programs, the absolute case-directory prefix is
removed, leaving `File "helper.py"`, `<module 'pkg' from 'pkg/__init__.py'>`: a VM under test runs
main.py by that relative name from the same directory, finds modules beside it, and must print
exactly this.

Usage:
    python3.11 tools/gen_module_expected.py            write every CASE/expected.json
    python3.11 tools/gen_module_expected.py --check    exit 1 when one is missing or differs
    python3.11 tools/gen_module_expected.py CASE ...   only these cases
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_expected import finish, is_311, render, run_all, run_python, select, store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "test" / "modules"


def run(case: Path) -> dict:
    result, _ = run_python(["-X", "utf8", "-B", "main.py"], case, [str(case) + os.sep])
    return result


def main(argv: list[str]) -> int:
    if not is_311("gen_module_expected.py"):
        return 2
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    cases = select(sorted(p.parent for p in CASES.glob("*/main.py")), set(names), lambda c: c.name, "case")
    if cases is None:
        return 2
    problems: list[str] = []
    results = run_all(run, cases)
    for case, result in zip(cases, results):
        if list(case.rglob("__pycache__")):
            problems.append(f"{case.name}: has a __pycache__ directory (remove it)")
        problem = store(case / "expected.json", render(result), check, case.name, f"{case.name}/expected.json")
        if problem:
            problems.append(problem)
    return finish(problems, len(cases), "cases")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
