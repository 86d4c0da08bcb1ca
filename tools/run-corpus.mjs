// Runs test/programs/*.py on the WASM VM and compares with the committed CPython expectations.
// Usage: node tools/run-corpus.mjs [filter]   (needs `npm run build` first; uses python3.11 to compile)
// Prints one line per failing program and a summary; the JSON list of passing programs goes to
// stdout with --json. Diagnostic tool: the test suite's runner is test/programs.test.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runPycSync } from "../dist/run.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, "test", "programs");
const filter = process.argv.slice(2).find((a) => !a.startsWith("--"));
const json = process.argv.includes("--json");
const programs = readdirSync(dir).filter((f) => f.endsWith(".py") && (!filter || f.includes(filter))).sort();
const cache = mkdtempSync(join(tmpdir(), "pyvm-corpus-"));
const script = "import py_compile,os,sys\nfor n in sys.argv[2:]: py_compile.compile(n, cfile=os.path.join(sys.argv[1], n + 'c'), doraise=True)";
const res = spawnSync("python3.11", ["-c", script, cache, ...programs], { cwd: dir, encoding: "utf8" });
if (res.status !== 0) throw new Error(res.stderr);
const pass = [];
const fail = [];
const normalize = (s) => s.replace(/0x[0-9a-f]{6,}/g, "0x...");
process.chdir(dir);
for (const p of programs) {
  const want = JSON.parse(readFileSync(join(dir, p.replace(/\.py$/, ".expected.json")), "utf8"));
  let out = "";
  let err = "";
  let exit;
  try {
    const deadline = Date.now() + 10000;
    exit = runPycSync(readFileSync(join(cache, p + "c")), { stdout: (s) => (out += s), stderr: (s) => (err += s), budget: 100000, shouldInterrupt: () => Date.now() > deadline, wasmPath: process.env.PYVM_WASM });
  } catch (e) {
    err += `HOST ERROR: ${e.message}\n`;
    exit = -99;
  }
  const ok = normalize(out) === normalize(want.stdout) && normalize(err) === normalize(want.stderr) && exit === want.exit;
  if (ok) pass.push(p);
  else {
    fail.push(p);
    if (!json) {
      const firstDiff = (a, b) => {
        const al = a.split("\n");
        const bl = b.split("\n");
        for (let i = 0; i < Math.max(al.length, bl.length); i++) if (al[i] !== bl[i]) return `line ${i + 1}: got ${JSON.stringify(al[i])} want ${JSON.stringify(bl[i])}`;
        return "";
      };
      const why = exit !== want.exit ? `exit ${exit} want ${want.exit}; ` : "";
      const d = normalize(out) !== normalize(want.stdout) ? "stdout " + firstDiff(normalize(out), normalize(want.stdout)) : "stderr " + firstDiff(normalize(err), normalize(want.stderr));
      const lastErr = err.trim().split("\n").slice(-1)[0] ?? "";
      console.log(`FAIL ${p}: ${why}${d.slice(0, 300)}${exit !== want.exit ? "\n     stderr: " + lastErr.slice(0, 200) : ""}`);
    }
  }
}
if (json) console.log(JSON.stringify(pass));
else console.log(`\n${pass.length}/${programs.length} pass`);
