/**
 * compile(), exec() and eval() of source in the WASM VM: the host side of them (host/run.ts,
 * host/source-compiler.ts) and the frozen modules they brought (assembly/frozen). What they print
 * against CPython is checked by the corpus (test/programs/exec_eval_*.py, seed_13-15, future_01).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../host/compiler/compile.js";
import { writePyc } from "../host/pyc.js";
import { runPyc, runPycSync, mayCompileSource } from "../host/run.js";
import { compileForVm } from "../host/source-compiler.js";
import { loads } from "../host/marshal.js";
import { frozenSource, FROZEN_OUT } from "../tools/frozen-source.js";

function pycOf(source: string): Uint8Array {
  return writePyc(compile(source, "prog.py", "exec"), { mtime: 0, sourceSize: 0 });
}

function run(source: string, compileSource?: typeof compileForVm) {
  let stdout = "";
  let stderr = "";
  const exit = runPycSync(pycOf(source), { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readSource: () => null, compileSource });
  return { stdout, stderr, exit };
}

describe("exec/eval/compile in the VM", () => {
  it("raises SystemError, not a trap, when the host gives no compiler (the synchronous API)", () => {
    const r = run("try:\n    eval('1')\nexcept SystemError as e:\n    print('SystemError', e)\nprint(eval(compile.__name__ and 'x', {'x': 2}) if False else 'done')\n");
    expect(r.stdout).toBe("SystemError compiling source needs the host's compiler, and this host provides none (host/run.ts loadSourceCompiler)\ndone\n");
    expect(r.exit).toBe(0);
  });

  it("runs source through the compiler given in RunOptions", () => {
    const r = run("print(eval('6 * 7'))\nexec('def f(): return 5')\nprint(f())\n", compileForVm);
    expect(r).toEqual({ stdout: "42\n5\n", stderr: "", exit: 0 });
  });

  it("runPyc loads our compiler by itself when the program mentions exec, eval or compile", async () => {
    expect(mayCompileSource(pycOf("print(1)"))).toBe(false);
    expect(mayCompileSource(pycOf("print(eval('1'))"))).toBe(true);
    expect(mayCompileSource(pycOf("getattr(__builtins__, 'exec')"))).toBe(true);
    let out = "";
    const exit = await runPyc(pycOf("print(eval('[x * x for x in range(4)]'))"), { stdout: (s) => (out += s), readSource: () => null });
    expect(out).toBe("[0, 1, 4, 9]\n");
    expect(exit).toBe(0);
  });

  it("hands the VM a code object or the error tuple CPython's SyntaxError is built from", () => {
    const ok = compileForVm({ source: new TextEncoder().encode("1 + 2"), filename: "<s>", mode: 1, flags: 0x800, optimize: -1 });
    expect(new DataView(ok.buffer).getUint32(0, true)).toBe(0);
    const bad = compileForVm({ source: new TextEncoder().encode("1 +"), filename: "<s>", mode: 1, flags: 0x800, optimize: -1 });
    expect(new DataView(bad.buffer).getUint32(0, true)).toBe(2);
    expect(loads(bad.subarray(4))).toEqual(["SyntaxError", "invalid syntax", ["<s>", 1n, 0n, "1 +", 1n, 0n], true]);
    // (values as python3.11 gives them: eval("1 +") has offset 0.) Symbol-table errors keep their location out of args, as PyErr_RangedSyntaxLocationObject does
    const st = compileForVm({ source: new TextEncoder().encode("nonlocal x\n"), filename: "<s>", mode: 0, flags: 0x800, optimize: -1 });
    expect(loads(st.subarray(4))).toEqual(["SyntaxError", "nonlocal declaration not allowed at module level", ["<s>", 1n, 1n, null, 1n, 11n], false]);
  });
});

describe("frozen modules", () => {
  it("assembly/frozen.generated.ts is what tools/gen-frozen.ts makes of assembly/frozen/*.py", () => {
    expect(readFileSync(FROZEN_OUT, "utf8")).toBe(frozenSource());
  });
});

describe("interrupting a running program (shouldInterrupt)", () => {
  // The host asks between budgets; where Python runs under native code (a sort key) and cannot
  // return to the host, the VM polls it (pollInterrupt import). exec'd code runs in the eval loop.
  // frames null: the interrupted line depends on where in the loop the budget ran out.
  const cases: [string, string, string | null][] = [
    ["a plain loop", "while True:\n    pass\n", '  File "prog.py", line 1, in <module>\n'],
    ["a loop in exec'd code", "exec('while True: pass')\n", '  File "prog.py", line 1, in <module>\n  File "<string>", line 1, in <module>\n'],
    // A `while` loop with a condition turns on a conditional backward jump (python3.11's dis).
    // Bounded, so that a VM that never stops there ends the program (status 0) instead of hanging.
    ["a while loop (POP_JUMP_BACKWARD_IF_TRUE)", "i = 0\nwhile i < 3000000:\n    i += 1\n", null],
    ["a while loop (POP_JUMP_BACKWARD_IF_FALSE)", "i = 0\nwhile not i > 3000000:\n    i += 1\n", null],
    ["a while loop (POP_JUMP_BACKWARD_IF_NOT_NONE)", "i = 0\nx = 1\nwhile x is not None:\n    i += 1\n    x = None if i > 3000000 else 1\n", null],
    ["a while loop (POP_JUMP_BACKWARD_IF_NONE)", "i = 0\nx = None\nwhile x is None:\n    i += 1\n    x = 1 if i > 3000000 else None\n", null],
    ["a loop in a sort key", "def spin(x):\n    while True:\n        pass\nsorted([1, 2], key=spin)\n", '  File "prog.py", line 4, in <module>\n  File "prog.py", line 2, in spin\n'],
  ];
  it.each(cases)("%s ends with KeyboardInterrupt, status 130", async (_label, source, frames) => {
    let stderr = "";
    let polls = 0;
    let endedByInterrupt = false;
    const status = await runPyc(pycOf(source), {
      stderr: (s) => (stderr += s),
      readSource: () => null,
      budget: 10_000,
      shouldInterrupt: () => ++polls > 3,
      onKeyboardInterruptExit: () => (endedByInterrupt = true),
      compileSource: compileForVm,
    });
    if (frames === null) expect(stderr).toMatch(/^Traceback \(most recent call last\):\n  File "prog\.py", line [2-5], in <module>\nKeyboardInterrupt\n$/);
    else expect(stderr).toBe("Traceback (most recent call last):\n" + frames + "KeyboardInterrupt\n");
    expect(status).toBe(130);
    expect(endedByInterrupt).toBe(true);
  });

  it("a program that raises KeyboardInterrupt itself ends the same way (CPython: killed by SIGINT)", () => {
    const r = run("raise KeyboardInterrupt('bye')\n");
    expect(r).toEqual({ stdout: "", stderr: 'Traceback (most recent call last):\n  File "prog.py", line 1, in <module>\nKeyboardInterrupt: bye\n', exit: 130 });
  });
});
