// usage: npx vite-node /tmp/cc/cmp.ts FILE.py  — compile with ours and CPython, compare, print dis of both on mismatch
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { compile } from "../host/compiler/compile.ts";
import { loads } from "../host/marshal.ts";
import { dis } from "../host/dis.ts";
import { CodeObject } from "../host/code.ts";
const file = process.argv[2];
const src = readFileSync(file);
const py = spawnSync("python3.11", ["-c", "import sys,marshal; src=open(sys.argv[1],'rb').read(); sys.stdout.buffer.write(marshal.dumps(compile(src, sys.argv[1], 'exec', dont_inherit=True)))", file], { env: { ...process.env, PYTHONHASHSEED: "0" } });
if (py.status !== 0) { console.log(py.stderr.toString()); process.exit(1); }
const theirs = loads(new Uint8Array(py.stdout)) as CodeObject;
let ours: CodeObject;
try { ours = compile(src, file, "exec"); } catch (e) { console.log("OURS FAILED:", (e as Error).message); process.exit(1); }
const FIELDS = ["co_argcount","co_posonlyargcount","co_kwonlyargcount","co_stacksize","co_flags","co_code","co_consts","co_names","co_localsplusnames","co_localspluskinds","co_filename","co_name","co_qualname","co_firstlineno","co_linetable","co_exceptiontable"] as const;
function show(v: unknown): string { return v instanceof Uint8Array ? Buffer.from(v).toString("hex") : JSON.stringify(v, (_k, x) => typeof x === "bigint" ? x.toString() + "n" : x instanceof CodeObject ? `<code ${x.co_name}>` : x); }
let bad = 0, total = 0;
function cmp(a: CodeObject, b: CodeObject, path: string) {
  total++;
  const diffs: string[] = [];
  for (const f of FIELDS) { if (f === "co_consts") continue; if (show((a as any)[f]) !== show((b as any)[f])) diffs.push(f); }
  const ca = a.co_consts, cb = b.co_consts;
  if (ca.length !== cb.length || ca.some((x, i) => !(x instanceof CodeObject) && show(x) !== show(cb[i]))) diffs.push("co_consts");
  if (diffs.length) {
    bad++;
    console.log(`== ${path}: differs in ${diffs.join(", ")}`);
    for (const f of diffs) if (f !== "co_code" && f !== "co_linetable") console.log(`  ${f}: ours ${show((a as any)[f])}\n  ${" ".repeat(f.length)}  cpy  ${show((b as any)[f])}`);
    if (diffs.includes("co_linetable") && !diffs.includes("co_code")) {
      const pa = a.co_positions(), pb = b.co_positions();
      for (let i = 0; i < Math.max(pa.length, pb.length); i++) if (show(pa[i]) !== show(pb[i])) { console.log(`  first position diff at unit ${i}: ours ${show(pa[i])} cpy ${show(pb[i])}`); break; }
    }
    if (diffs.includes("co_code") || process.env.DIS) {
      const da = dis(a, { showCaches: false } as any).split("\n"), db = dis(b, { showCaches: false } as any).split("\n");
      console.log("  --- ours / +++ cpython");
      for (let i = 0; i < Math.max(da.length, db.length); i++) if (da[i] !== db[i]) console.log(`  - ${da[i] ?? ""}\n  + ${db[i] ?? ""}`);
    }
  }
  const sa = a.co_consts.filter((x) => x instanceof CodeObject) as CodeObject[];
  const sb = b.co_consts.filter((x) => x instanceof CodeObject) as CodeObject[];
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) if (sa[i] && sb[i]) cmp(sa[i], sb[i], path + "." + sb[i].co_name);
}
cmp(ours, theirs, "<module>");
console.log(`${total - bad}/${total} identical`);
