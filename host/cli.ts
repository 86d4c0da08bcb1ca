#!/usr/bin/env node
/**
 * The `pyvm` command line. Subcommands:
 *   pyvm dis FILE.pyc|FILE.py    disassemble, text identical to CPython 3.11's dis.dis() (a .py
 *                                is compiled by our compiler, host/compiler)
 *   pyvm marshal-info FILE.pyc   the .pyc header and the tree of code objects inside it
 *   pyvm run FILE.pyc|FILE.py    run on the WebAssembly VM (exit status as CPython's); a .py is
 *                                compiled by our compiler
 *   pyvm compile FILE.py [-o OUT] write a .pyc CPython 3.11 imports (default: as py_compile,
 *                                __pycache__/NAME.cpython-311.pyc beside the source)
 *   pyvm ast FILE.py             ast.dump(ast.parse(source, FILE), include_attributes=True); a
 *                                syntax error prints as `python3.11 FILE.py` prints it (exit 1)
 * Python errors (bad marshal data, a .pyc for another version) print as CPython prints the last
 * line of a traceback and exit 1.
 */
import { mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { compile } from "./compiler/compile.js";
import { runPyc, loadSourceCompiler } from "./run.js";
import { fileURLToPath } from "node:url";
import { PyError } from "./errors.js";
import { readPyc, writePyc, type PycFile } from "./pyc.js";
import { dis } from "./dis.js";
import { CodeObject } from "./code.js";
import { OPNAME } from "./opcodes.generated.js";
import { parse } from "./parser/parse.js";
import { astDump } from "./parser/ast-dump.js";
import { PySyntaxError } from "./parser/syntax-error.js";
import { formatSyntaxError } from "./parser/syntax-error-display.js";
import { basename, dirname, join, resolve } from "node:path";

const USAGE = `usage: pyvm <command> [args]

commands:
  run FILE.pyc|FILE.py    run a program on the WebAssembly VM (a .py is compiled by our compiler)
  compile FILE.py [-o OUT.pyc]
                          compile to a .pyc CPython 3.11 imports (default __pycache__/NAME.cpython-311.pyc)
  dis FILE.pyc|FILE.py    disassemble (as python3.11 -m dis would show it)
  marshal-info FILE.pyc   show the .pyc header and the code objects it holds
  ast FILE.py             print the syntax tree (as python3.11's ast.dump(..., include_attributes=True))
  help                    show this message
`;

const NOT_YET: Record<string, string> = {};

/**
 * pyvm ast: the tree of FILE.py. A syntax error prints as `python3.11 FILE.py` prints it: that
 * names the main file by its absolute path (CPython makes __main__'s path absolute).
 */
function astFile(path: string): number {
  const bytes = new Uint8Array(readFileSync(path));
  try {
    process.stdout.write(astDump(parse(bytes, path), { includeAttributes: true }) + "\n");
    return 0;
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    const shown = new PySyntaxError(e.pyType as "SyntaxError", e.pyMessage, e.filename === path ? resolve(path) : e.filename,
      e.lineno, e.offset, e.text, e.endLineno, e.endOffset);
    process.stderr.write(formatSyntaxError(shown));
    return 1;
  }
}

function readCode(path: string): PycFile {
  return readPyc(new Uint8Array(readFileSync(path)));
}

/**
 * FILE.py through our compiler, co_filename the path as given (as `python3.11 FILE.py` and
 * py_compile name it). A syntax error is printed as python3.11 prints it and comes back as null.
 */
function compileSource(path: string): CodeObject | null {
  const bytes = new Uint8Array(readFileSync(path));
  try {
    return compile(bytes, path, "exec");
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    const shown = new PySyntaxError(e.pyType as "SyntaxError", e.pyMessage, e.filename === path ? resolve(path) : e.filename,
      e.lineno, e.offset, e.text, e.endLineno, e.endOffset);
    process.stderr.write(formatSyntaxError(shown));
    return null;
  }
}

/** A timestamp .pyc of `code` for the source at `path`, as py_compile writes it. */
function pycFor(code: CodeObject, path: string): Uint8Array {
  const st = statSync(path);
  return writePyc(code, { mtime: Math.floor(st.mtimeMs / 1000), sourceSize: st.size });
}

/** pyvm compile FILE.py [-o OUT]: the default path is importlib.util.cache_from_source's. */
function compileFile(args: string[]): number {
  const path = args[0];
  let out = join(dirname(path), "__pycache__", basename(path).replace(/\.py$/, "") + ".cpython-311.pyc");
  if (args.length === 3 && args[1] === "-o") out = args[2];
  else if (args.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const code = compileSource(path);
  if (code === null) return 1;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, pycFor(code, path));
  return 0;
}

function marshalInfo(path: string): string {
  const pyc = readCode(path);
  const lines: string[] = [];
  lines.push(`file:        ${path}`);
  lines.push(`magic:       ${pyc.magic} (CPython 3.11)`);
  if (pyc.flags & 1) {
    lines.push(`invalidation: hash-based (${pyc.flags & 2 ? "checked" : "unchecked"})`);
    lines.push(`source hash: ${Buffer.from(pyc.sourceHash ?? new Uint8Array()).toString("hex")}`);
  } else {
    lines.push(`invalidation: timestamp`);
    lines.push(`mtime:       ${pyc.mtime} (${new Date((pyc.mtime ?? 0) * 1000).toISOString()})`);
    lines.push(`source size: ${pyc.sourceSize}`);
  }
  lines.push("code objects:");
  const walk = (code: CodeObject, depth: number) => {
    const pad = "  ".repeat(depth + 1);
    const units = code.co_code.length / 2;
    let instructions = 0;
    for (let i = 0; i < code.co_code.length; i += 2) if (OPNAME[code.co_code[i]] !== "CACHE") instructions++;
    lines.push(
      `${pad}${code.co_qualname} (line ${code.co_firstlineno}): ${instructions} instructions, ${units} code units, ` +
        `${code.co_consts.length} consts, ${code.co_names.length} names, ${code.co_localsplusnames.length} locals+cells+frees, ` +
        `stack ${code.co_stacksize}, flags 0x${code.co_flags.toString(16).padStart(8, "0")}`,
    );
    for (const child of code.nestedCode()) walk(child, depth + 1);
  };
  walk(pyc.code, 0);
  return lines.join("\n") + "\n";
}

/**
 * pyvm run: a .pyc runs as is; a .py is compiled by our compiler (its co_filename is the path as
 * given, as `python3.11 FILE.py` would show it). `import` finds
 * modules beside it (find-module.ts). Ctrl-C delivers KeyboardInterrupt to the program.
 */
async function runFile(path: string): Promise<number> {
  let pyc: Uint8Array;
  if (path.endsWith(".py")) {
    const code = compileSource(path);
    if (code === null) return 1;
    pyc = pycFor(code, path);
  } else {
    pyc = new Uint8Array(readFileSync(path));
  }
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on("SIGINT", onSigint);
  // Our compiler for exec/eval/compile and for the .py modules it imports: no python3.11 needed.
  await loadSourceCompiler();
  let killedByInterrupt = false;
  try {
    const status = await runPyc(pyc, {
      onKeyboardInterruptExit: () => {
        killedByInterrupt = true;
      },
      mainPath: path,
      shouldInterrupt: () => {
        const i = interrupted;
        interrupted = false;
        return i;
      },
    });
    if (killedByInterrupt) {
      // As CPython's exit_sigint: die by SIGINT with the default action (the shell shows 130).
      process.off("SIGINT", onSigint);
      process.kill(process.pid, "SIGINT");
    }
    return status;
  } finally {
    process.off("SIGINT", onSigint);
  }
}

export function main(argv: string[]): number | Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "run":
        if (args.length < 1) break;
        return runFile(args[0]);
      case "dis": {
        if (args.length !== 1) break;
        if (!args[0].endsWith(".py")) {
          process.stdout.write(dis(readCode(args[0]).code));
          return 0;
        }
        const code = compileSource(args[0]);
        if (code === null) return 1;
        process.stdout.write(dis(code));
        return 0;
      }
      case "compile":
        if (args.length < 1) break;
        return compileFile(args);
      case "ast":
        if (args.length !== 1) break;
        return astFile(args[0]);
      case "marshal-info":
        if (args.length !== 1) break;
        process.stdout.write(marshalInfo(args[0]));
        return 0;
      case undefined:
      case "help":
      case "-h":
      case "--help":
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        if (command in NOT_YET) {
          process.stderr.write(`pyvm: ${NOT_YET[command]}\n`);
          return 2;
        }
        process.stderr.write(`pyvm: unknown command '${command}'\n${USAGE}`);
        return 2;
    }
    process.stderr.write(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof PyError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      process.stderr.write(`pyvm: can't open file '${(err as NodeJS.ErrnoException).path}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    throw err;
  }
}

// Run only when executed (also through npm's bin symlink), not when imported by a test.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void Promise.resolve(main(process.argv.slice(2))).then((status) => {
    process.exitCode = status;
  });
}
