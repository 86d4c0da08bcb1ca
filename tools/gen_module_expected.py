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
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_expected import environment, render  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "test" / "modules"
TIMEOUT = 30.0


def run(case: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-X", "utf8", "-B", "main.py"],
        cwd=case,
        env=environment(),
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=TIMEOUT,
    )
    prefix = str(case) + os.sep

    def text(data: bytes) -> str:
        return data.decode("utf-8").replace(prefix, "")

    return {"stdout": text(proc.stdout), "stderr": text(proc.stderr), "exit": proc.returncode}


def main(argv: list[str]) -> int:
    if sys.version_info[:2] != (3, 11):
        print(f"gen_module_expected.py needs CPython 3.11, not {sys.version.split()[0]}", file=sys.stderr)
        return 2
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    cases = sorted(p.parent for p in CASES.glob("*/main.py"))
    if names:
        cases = [c for c in cases if c.name in names]
        missing = set(names) - {c.name for c in cases}
        if missing:
            print("no such case: " + ", ".join(sorted(missing)), file=sys.stderr)
            return 2
    problems: list[str] = []
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        results = list(pool.map(run, cases))
    for case, result in zip(cases, results):
        rendered = render(result)
        out = case / "expected.json"
        if list(case.rglob("__pycache__")):
            problems.append(f"{case.name}: has a __pycache__ directory (remove it)")
        if check:
            if not out.exists():
                problems.append(f"{case.name}: no expected.json")
            elif out.read_text(encoding="utf-8") != rendered:
                problems.append(f"{case.name}: expected.json differs from CPython's output now")
        elif not out.exists() or out.read_text(encoding="utf-8") != rendered:
            out.write_text(rendered, encoding="utf-8")
            print(f"wrote {case.name}/expected.json")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(cases)} cases, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
