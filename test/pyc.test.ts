/**
 * .pyc reading and writing (host/pyc.ts).
 *
 * - the committed fixtures read back with the header fields and code trees tools/gen_fixtures.py
 *   recorded, and their source hashes match CPython's (no Python needed)
 * - python3.11 runs .pyc files we wrote and prints what the sources print; it imports our
 *   hash-based and timestamp pycs from __pycache__ when they match the source and ignores them when
 *   they do not
 * - headers CPython would reject are rejected with importlib's messages, and a magic number from
 *   another Python names that version
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CodeObject } from "../host/code.js";
import { PyError } from "../host/errors.js";
import { dumps, loads } from "../host/marshal.js";
import { MAGIC_BYTES, pythonVersionForMagic, readPyc, sourceHash, writePyc, type PycHeader } from "../host/pyc.js";
import { FIXTURES, ROOT, hex, normalize, runPython, tag, unhex } from "./support/tagged.js";

interface FixtureEntry {
  kind: string;
  magic: number;
  flags: number;
  mtime?: number;
  sourceSize?: number;
  sourceHash?: string;
  code: unknown[];
}
const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf-8")) as Record<string, FixtureEntry>;
const names = Object.keys(expected).sort();
const pycBytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, `${name}.pyc`)));
const sourceBytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, "src", `${name}.py`)));

const work = mkdtempSync(path.join(tmpdir(), "pyc-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function python(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("python3.11", args, { cwd, encoding: "utf-8", env: { ...process.env, PYTHONHASHSEED: "0" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function thrown(f: () => unknown): PyError {
  try {
    f();
  } catch (e) {
    if (e instanceof PyError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("reading the fixtures (no Python)", () => {
  it.each(names)("%s.pyc", (name) => {
    const e = expected[name];
    const pyc = readPyc(pycBytes(name), `${name}.pyc`);
    expect(pyc.magic).toBe(e.magic);
    expect(pyc.flags).toBe(e.flags);
    expect(pyc.mtime).toBe(e.mtime);
    expect(pyc.sourceSize).toBe(e.sourceSize);
    expect(pyc.sourceHash && hex(pyc.sourceHash)).toBe(e.sourceHash);
    expect(pyc.trailingBytes).toBe(0);
    expect(normalize(tag(pyc.code))).toEqual(normalize(e.code));
  });

  it("covers timestamp, unchecked and checked hash-based headers", () => {
    expect(new Set(names.map((n) => expected[n].kind))).toEqual(new Set(["timestamp", "unchecked-hash", "checked-hash"]));
  });

  it.each(names.filter((n) => expected[n].kind !== "timestamp"))("sourceHash(%s.py) is the hash CPython put in the fixture", (name) => {
    expect(hex(sourceHash(sourceBytes(name)))).toBe(hex(pycBytes(name).subarray(8, 16)));
  });

  it("reports trailing bytes instead of failing on them, as importlib ignores them", () => {
    const data = new Uint8Array([...pycBytes("closures"), 1, 2, 3]);
    expect(readPyc(data).trailingBytes).toBe(3);
  });
});

describe("writing", () => {
  it("writes both header kinds, and reading gives back header and code", () => {
    const code = readPyc(pycBytes("classes")).code;
    const ts = writePyc(code, { mtime: 2 ** 32 + 5, sourceSize: 1234 });
    expect(hex(ts.subarray(0, 16))).toBe("a70d0d0a" + "00000000" + "05000000" + "d2040000");
    const back = readPyc(ts);
    expect([back.flags, back.mtime, back.sourceSize]).toEqual([0, 5, 1234]);
    expect(normalize(tag(back.code))).toEqual(normalize(tag(code)));

    const hash = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    for (const checkSource of [true, false]) {
      const hb = readPyc(writePyc(code, { sourceHash: hash, checkSource }));
      expect(hb.flags).toBe(checkSource ? 3 : 1);
      expect(hb.sourceHash).toEqual(hash);
      expect(hb.mtime).toBeUndefined();
    }
    expect(() => writePyc(code, { sourceHash: new Uint8Array(3), checkSource: true })).toThrow(PyError);
  });

  it("sourceHash matches importlib.util.source_hash for inputs of every length up to 40", () => {
    const inputs = Array.from({ length: 41 }, (_, n) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff));
    const theirs = runPython<string[]>(
      `
import importlib.util, json, sys
print(json.dumps([importlib.util.source_hash(bytes.fromhex(h)).hex() for h in json.load(sys.stdin)]))
`,
      inputs.map(hex),
    );
    expect(inputs.map((b) => hex(sourceHash(b)))).toEqual(theirs);
  });

  it.each(names)("python3.11 runs our %s.pyc and prints what the source prints", (name) => {
    const code = readPyc(pycBytes(name)).code;
    const file = path.join(work, `${name}.pyc`);
    writeFileSync(file, writePyc(code, { mtime: 0, sourceSize: 0 }));
    const fromSource = python([path.join("test", "fixtures", "src", `${name}.py`)]);
    const fromOurs = python([file]);
    expect(fromSource.status).toBe(0);
    expect(fromOurs.stderr).toBe("");
    expect(fromOurs.stdout).toBe(fromSource.stdout);
  });

  it("python3.11 imports our pycs from __pycache__ exactly when their header matches the source", () => {
    const pyCode = runPython<string>(`import json, marshal; print(json.dumps(marshal.dumps(compile('print("from pyc")', "mod.py", "exec")).hex()))`);
    const code = loads(unhex(pyCode)) as CodeObject;
    const source = new TextEncoder().encode('print("from source")\n');
    // The header may depend on the written source file (its mtime), so it can be a function of the dir.
    const run = (header: PycHeader | ((dir: string) => PycHeader), mode = "default") => {
      const dir = mkdtempSync(path.join(work, "imp-"));
      writeFileSync(path.join(dir, "mod.py"), source);
      mkdirSync(path.join(dir, "__pycache__"));
      const h = typeof header === "function" ? header(dir) : header;
      writeFileSync(path.join(dir, "__pycache__", "mod.cpython-311.pyc"), writePyc(code, h));
      return python(["--check-hash-based-pycs", mode, "-c", "import mod"], dir).stdout.trim();
    };
    const good = sourceHash(source);
    const bad = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0);
    expect(run({ sourceHash: good, checkSource: true })).toBe("from pyc");
    expect(run({ sourceHash: bad, checkSource: true })).toBe("from source");
    expect(run({ sourceHash: bad, checkSource: false })).toBe("from pyc"); // unchecked: trusted as is
    expect(run({ sourceHash: bad, checkSource: false }, "always")).toBe("from source");
    const stamp = (dir: string): PycHeader => {
      const st = statSync(path.join(dir, "mod.py"));
      return { mtime: Math.floor(st.mtimeMs / 1000), sourceSize: st.size };
    };
    expect(run(stamp)).toBe("from pyc");
    expect(run({ mtime: 12345, sourceSize: source.length })).toBe("from source");
  });
});

describe("headers CPython rejects", () => {
  const body = dumps(readPyc(pycBytes("closures")).code);
  const withMagic = (magic: number, flags = 0) => {
    const out = new Uint8Array(16 + body.length);
    const dv = new DataView(out.buffer);
    dv.setUint16(0, magic, true);
    out.set([0x0d, 0x0a], 2);
    dv.setUint32(4, flags, true);
    out.set(body, 16);
    return out;
  };
  const cases: [string, Uint8Array][] = [
    ["3.10 magic", withMagic(3439)],
    ["3.12 magic", withMagic(3531)],
    ["3.13 magic", withMagic(3571)],
    ["3.11 alpha magic", withMagic(3450)],
    ["unknown magic", withMagic(9999)],
    ["not a pyc", new TextEncoder().encode("print('hello')\n")],
    ["empty", new Uint8Array(0)],
    ["magic only", MAGIC_BYTES],
    ["15-byte header", withMagic(3495).subarray(0, 15)],
    ["invalid flags", withMagic(3495, 4)],
  ];

  // importlib's own verdict on each header (its _classify_pyc), to compare messages with.
  const theirs = runPython<[string, string][]>(
    `
import importlib._bootstrap_external as be, json, sys
out = []
for h in json.load(sys.stdin):
    try:
        be._classify_pyc(bytes.fromhex(h), "x.pyc", {})
        out.append(["ok", ""])
    except Exception as e:
        out.append([type(e).__name__, str(e)])
print(json.dumps(out))
`,
    cases.map(([, d]) => hex(d)),
  );

  it.each(cases.map(([label, data], i) => [label, data, i] as const))("%s: importlib's error and message", (_label, data, i) => {
    const e = thrown(() => readPyc(data, "x.pyc"));
    expect(e.pyType).toBe(theirs[i][0]);
    // Same message; a bad magic number also says what it is.
    expect(e.pyMessage.startsWith(theirs[i][1])).toBe(true);
    if (e.pyType === "ImportError" && e.pyMessage.includes("bad magic")) {
      expect(e.pyMessage).toMatch(/this is not a CPython 3\.11 file|not a \.pyc file/);
    }
  });

  it("names the Python version a foreign magic number belongs to", () => {
    expect(thrown(() => readPyc(withMagic(3439))).pyMessage).toContain("magic 3439 is CPython 3.10;");
    expect(thrown(() => readPyc(withMagic(3531))).pyMessage).toContain("magic 3531 is CPython 3.12;");
    expect(thrown(() => readPyc(withMagic(3450))).pyMessage).toContain("CPython 3.11 pre-release");
    expect(thrown(() => readPyc(withMagic(9999))).pyMessage).toContain("not a known CPython version");
  });

  it("knows the version of every magic number in python3.11's importlib history", () => {
    const history = runPython<[string, number][]>(`
import importlib._bootstrap_external as be, json, re
src = open(be.__file__, encoding="utf-8").read()
print(json.dumps([[m[1], int(m[2])] for m in re.finditer(r"#\\s+Python (3\\.\\d+)\\S*\\s+(\\d{4})\\b", src)]))
`);
    expect(history.length).toBeGreaterThan(100);
    for (const [version, magic] of history) expect(pythonVersionForMagic(magic), String(magic)).toBe(version);
    expect([3531, 3571, 3500, 3550].map(pythonVersionForMagic)).toEqual(["3.12", "3.13", "3.12", "3.13"]);
    expect([2999, 3580, 62211].map(pythonVersionForMagic)).toEqual([undefined, undefined, undefined]);
  });

  it("a body that is not a code object, or is cut short, fails as importlib would", () => {
    const notCode = new Uint8Array([...withMagic(3495).subarray(0, 16), ...dumps([1n])]);
    expect(thrown(() => readPyc(notCode, "x.pyc")).message).toBe("ImportError: Non-code object in 'x.pyc'");
    const cut = withMagic(3495).subarray(0, 40);
    expect(thrown(() => readPyc(cut)).pyType).toBe("EOFError");
  });
});
