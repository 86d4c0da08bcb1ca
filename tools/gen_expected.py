#!/usr/bin/env python3.11
"""Expected results of the conformance corpus, test/programs/*.py, produced by CPython 3.11.

For each program NAME.py this compiles NAME.pyc (py_compile, from cwd test/programs, as the test
does) into a temporary directory and runs `python3.11 -X utf8 <tmp>/NAME.pyc` with
PYTHONHASHSEED=0, cwd test/programs and a scrubbed environment, and writes NAME.expected.json:

    {"stdout": "...", "stderr": "...", "exit": N}

Why the .pyc and not the .py: the VM runs the .pyc, and the two can differ. CPython 3.11's marshal
writes a frozenset constant's elements sorted by their marshalled bytes (reproducible .pyc files),
so a set literal compiled to `BUILD_SET; LOAD_CONST frozenset; SET_UPDATE` is rebuilt in another
insertion order from the .pyc than from the in-memory constant, and collisions can iterate
differently (set_01, set_02, set_str_01, set_str_02 do). Running the same .pyc makes CPython the
oracle for exactly the code object the VM runs; for every other program the outputs are identical.

CPython (3.9+) makes the __main__ script's path absolute, so tracebacks say
`File "/abs/.../test/programs/NAME.py"`. The absolute directory prefix is removed from stdout and
stderr, leaving `File "NAME.py", line N`: a VM under test runs the program by its relative name
NAME.py, from the same directory, and must print exactly this.

Usage:
    python3.11 tools/gen_expected.py            write every NAME.expected.json (and drop stale ones)
    python3.11 tools/gen_expected.py --check    exit 1, listing programs whose committed expectation
                                                is missing or differs from what CPython prints now
    python3.11 tools/gen_expected.py NAME ...   only these programs (NAME or NAME.py)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "test" / "programs"
TIMEOUT = 30.0
SLOW = 0.2  # CPU seconds, interpreter start-up included; every program should be faster on CPython


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_python(args: list[str], cwd: Path, prefixes: list[str]) -> tuple[dict, float]:
    """Runs `python3.11 ARGS` in cwd with the scrubbed environment (killed after TIMEOUT seconds).

    Returns {"stdout", "stderr", "exit"}, the directory prefixes removed from both texts, and the CPU
    time (user + system) the process used. CPU time, not wall time: the check must not call a
    program slow because the machine is busy.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, *args],
            cwd=cwd,
            env=environment(),
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
        )
        timer = threading.Timer(TIMEOUT, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()

    def text(data: bytes) -> str:
        s = data.decode("utf-8")
        for prefix in prefixes:
            s = s.replace(prefix, "")
        return s

    result = {"stdout": text(stdout), "stderr": text(stderr), "exit": os.waitstatus_to_exitcode(status)}
    return result, usage.ru_utime + usage.ru_stime


def run(program: Path) -> tuple[dict, float]:
    """Runs one program (its .pyc); returns its result and CPU time (run_python)."""
    pyc_dir = tempfile.mkdtemp(prefix="gen-expected-")
    pyc = os.path.join(pyc_dir, program.name + "c")
    # compiled from test/programs by its relative name, as test/programs.test.ts compiles it
    subprocess.run(
        [sys.executable, "-c", "import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", program.name, pyc],
        cwd=PROGRAMS,
        env=environment(),
        check=True,
    )
    result = run_python(["-X", "utf8", pyc], PROGRAMS, [str(PROGRAMS) + os.sep, pyc_dir + os.sep])
    os.remove(pyc)
    os.rmdir(pyc_dir)
    return result


def render(result: dict) -> str:
    return json.dumps(result, indent=1, ensure_ascii=False) + "\n"


def expected_path(program: Path) -> Path:
    return program.with_name(program.stem + ".expected.json")


def run_all(run_one, items: list) -> list:
    """run_one over items, in parallel (each runs its own CPython process)."""
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        return list(pool.map(run_one, items))


def store(out: Path, rendered: str, check: bool, label: str, shown: str) -> str | None:
    """Writes an expectation that is missing or differs (reporting `wrote SHOWN`); with check, only
    compares. Returns the problem found, if any."""
    if check:
        if not out.exists():
            return f"{label}: no {out.name}"
        if out.read_text(encoding="utf-8") != rendered:
            return f"{label}: {out.name} differs from CPython's output now"
    elif not out.exists() or out.read_text(encoding="utf-8") != rendered:
        out.write_text(rendered, encoding="utf-8")
        print(f"wrote {shown}")
    return None


def is_311(tool: str) -> bool:
    """Whether this is CPython 3.11 (else says so): the oracle must be the version the VM follows."""
    if sys.version_info[:2] == (3, 11):
        return True
    print(f"{tool} needs CPython 3.11, not {sys.version.split()[0]}", file=sys.stderr)
    return False


def select(items: list, wanted: set[str], key, what: str) -> list | None:
    """The items whose key(item) is wanted (all of them when nothing is); None, after saying which
    names match nothing, when some do."""
    if not wanted:
        return items
    chosen = [i for i in items if key(i) in wanted]
    missing = wanted - {key(i) for i in chosen}
    if missing:
        print(f"no such {what}: " + ", ".join(sorted(missing)), file=sys.stderr)
        return None
    return chosen


def finish(problems: list[str], count: int, what: str) -> int:
    """Prints the problems and the summary line; the exit status."""
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{count} {what}, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if not is_311("gen_expected.py"):
        return 2
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    wanted = {n[:-3] if n.endswith(".py") else n for n in names}
    programs = select(sorted(PROGRAMS.glob("*.py")), wanted, lambda p: p.stem, "program")
    if programs is None:
        return 2

    problems: list[str] = []
    slow: list[str] = []
    results = run_all(run, programs)
    for program, (result, elapsed) in zip(programs, results):
        if elapsed > SLOW:
            slow.append(f"{program.name} ({elapsed:.2f}s CPU)")
        if not result["stdout"]:
            problems.append(f"{program.name}: prints nothing on stdout")
        out = expected_path(program)
        problem = store(out, render(result), check, program.name, out.name)
        if problem:
            problems.append(problem)

    if not names:
        stems = {p.stem for p in programs}
        for stale in sorted(PROGRAMS.glob("*.expected.json")):
            if stale.name[: -len(".expected.json")] not in stems:
                if check:
                    problems.append(f"{stale.name}: no program {stale.name[: -len('.expected.json')]}.py")
                else:
                    stale.unlink()
                    print(f"removed stale {stale.name}")

    for s in slow:
        print(f"slow (> {SLOW}s): {s}", file=sys.stderr)
    return finish(problems, len(programs), "programs")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
