/**
 * Marshal throughput against CPython 3.11 over the whole standard library.
 *
 * Run: `npx vite-node bench/marshal.bench.ts [--time MS]`
 *
 * A python3.11 helper compiles every .py under sysconfig.get_paths()["stdlib"] (site-packages
 * excluded, files that do not compile skipped), writes marshal.dumps(code) of each into one blob in a
 * temp dir, and times its own marshal.loads and marshal.dumps over all of them with
 * time.perf_counter (one warm-up round, then several). We time host/marshal.ts's loads (and dumps
 * of what it loaded) over the same bytes with tinybench, and print one table: MB, our MB/s,
 * CPython's MB/s, and the ratio. Both sides count the size of CPython's marshalled bytes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Bench } from "tinybench";
import { dumps, loads } from "../host/marshal.js";
import type { PyObject } from "../host/objects.js";

const PY_HELPER = String.raw`
import json, marshal, os, sys, sysconfig, time, warnings
out_dir, rounds = sys.argv[1], int(sys.argv[2])
root = sysconfig.get_paths()["stdlib"]
blobs, skipped = [], 0
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
    for name in sorted(filenames):
        if not name.endswith(".py"):
            continue
        path = os.path.join(dirpath, name)
        try:
            with open(path, "rb") as f:
                source = f.read()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                code = compile(source, path, "exec", dont_inherit=True)
        except Exception:  # deliberately broken test files, other Python versions' syntax, ...
            skipped += 1
            continue
        blobs.append(marshal.dumps(code))
with open(os.path.join(out_dir, "stdlib.marshal"), "wb") as f:
    f.write(b"".join(blobs))

def timed(fn):
    fn()  # warm-up
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times

codes = [marshal.loads(b) for b in blobs]
print(json.dumps({
    "root": root,
    "sizes": [len(b) for b in blobs],
    "skipped": skipped,
    "loads": timed(lambda: [marshal.loads(b) for b in blobs]),
    "dumps": timed(lambda: [marshal.dumps(c) for c in codes]),
}))
`;

interface PyResult {
  root: string;
  sizes: number[];
  skipped: number;
  loads: number[];
  dumps: number[];
}

const timeArg = process.argv.indexOf("--time");
const benchTime = timeArg > 0 ? Number(process.argv[timeArg + 1]) : 5000;

const dir = mkdtempSync(path.join(tmpdir(), "marshal-bench-"));
try {
  process.stderr.write("compiling the python3.11 standard library...\n");
  const py = spawnSync("python3.11", ["-c", PY_HELPER, dir, "10"], {
    encoding: "utf-8",
    env: { ...process.env, PYTHONHASHSEED: "0" },
    maxBuffer: 1 << 28,
  });
  if (py.status !== 0) throw new Error(`python3.11 helper failed: ${py.stderr}`);
  const result = JSON.parse(py.stdout) as PyResult;
  const blob = new Uint8Array(readFileSync(path.join(dir, "stdlib.marshal")));
  const items: Uint8Array[] = [];
  let at = 0;
  for (const n of result.sizes) {
    items.push(blob.subarray(at, at + n));
    at += n;
  }
  const totalBytes = blob.length;
  const values: PyObject[] = items.map((b) => loads(b)); // also proves every file loads
  const ourSize = values.reduce((sum: number, v) => sum + dumps(v).length, 0);

  // Each iteration is a pass over the whole library, so a few iterations are plenty; the time
  // budget decides how many more run.
  const bench = new Bench({ time: benchTime, iterations: 5, warmupTime: 1000, warmupIterations: 2, throws: true });
  bench.add("loads", () => {
    for (const b of items) loads(b);
  });
  bench.add("dumps", () => {
    for (const v of values) dumps(v);
  });
  process.stderr.write(`timing ${items.length} files, ${benchTime} ms per task...\n`);
  await bench.run();

  const mb = totalBytes / 1e6;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const rows = bench.tasks.map((task) => {
    const r = task.result;
    if (r.state !== "completed") throw new Error(`${task.name}: ${r.state}`);
    const ours = mb / (r.latency.mean / 1000);
    const cpython = mb / mean(task.name === "loads" ? result.loads : result.dumps);
    return {
      operation: `marshal.${task.name}`,
      MB: mb.toFixed(2),
      "ours MB/s": ours.toFixed(1),
      "CPython MB/s": cpython.toFixed(1),
      "ours / CPython": (ours / cpython).toFixed(2),
    };
  });
  console.log(`python3.11 stdlib at ${result.root}: ${items.length} files (${result.skipped} skipped: do not compile)`);
  console.log(`marshalled by CPython: ${totalBytes} bytes; our dumps of the same code objects: ${ourSize} bytes`);
  console.table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
