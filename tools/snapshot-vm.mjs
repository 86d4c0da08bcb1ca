#!/usr/bin/env node
/**
 * Start-up snapshot of the VM module: `node tools/snapshot-vm.mjs [in.wasm] [out.wasm]` (default
 * build/vm.wasm in place).
 *
 * Starting the VM (assembly/vm.ts vmInit: every type dict, method descriptor, interned name,
 * builtins, sys) costs a fresh process more than running a small program, mostly because V8 has to
 * compile the start-up code before running it once. Here it runs once at build time instead: the
 * module is instantiated in this process, `vmSnapshotInit()` starts the VM, and the resulting
 * mutable globals become the globals' initial values, and its linear memory a memory image in a
 * custom section at the end of the file ("pyvm.snapshot", replacing the data segments; the host's
 * loader copies it into each instance's memory before instantiating: host/wasm-loader.ts). The
 * start function is dropped (its effects are in the snapshot), and so is the vmSnapshotInit
 * export. vmInit(maxBytes) on the result only sets the heap cap (and reports a memory without the
 * image: a host that instantiated the file without the loader). The initial
 * memory shrinks to what the started VM uses (the minimum of the memory import, since the VM
 * imports its memory so that hosts can reuse one between runs: host/memory-pool.ts).
 * Everything else in the binary (code, tables, other exports) is copied byte for byte.
 *
 * The VM must not call its host while starting: every import throws here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const input = process.argv[2] ?? path.join(root, "build", "vm.wasm");
const output = process.argv[3] ?? input;

const SEC_IMPORT = 2, SEC_MEMORY = 5, SEC_GLOBAL = 6, SEC_EXPORT = 7, SEC_START = 8, SEC_ELEM = 9, SEC_CODE = 10, SEC_DATA = 11, SEC_DATACOUNT = 12;
/**
 * The memory image section (read by host/memory-image.ts, which holds the format's description):
 * a custom section, last in the file, ending in a trailer of its own length and this tag.
 */
const SNAPSHOT_SECTION = "pyvm.snapshot";
const SNAPSHOT_TAG = "PYVMSNP1";

// ── reading ───────────────────────────────────────────────────────────────────────────────────

class Reader {
  constructor(bytes, pos = 0) {
    this.b = bytes;
    this.p = pos;
  }
  byte() {
    return this.b[this.p++];
  }
  u32() {
    let r = 0, shift = 0, x;
    do {
      x = this.b[this.p++];
      r += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return r;
  }
  skipLeb() {
    while (this.b[this.p++] & 0x80);
  }
  name() {
    const n = this.u32();
    const s = Buffer.from(this.b.subarray(this.p, this.p + n)).toString("utf8");
    this.p += n;
    return s;
  }
  /** A constant expression up to and including its `end` (the MVP + extended-const opcodes). */
  constExpr() {
    const start = this.p;
    for (;;) {
      const op = this.byte();
      if (op === 0x0b) return this.b.subarray(start, this.p);
      if (op === 0x41 || op === 0x42 || op === 0x23 || op === 0xd2) this.skipLeb(); // i32/i64.const, global.get, ref.func
      else if (op === 0x43) this.p += 4;
      else if (op === 0x44) this.p += 8;
      else if (op === 0xd0) this.byte(); // ref.null t
      else if (op === 0xfd && this.b[this.p] === 12) this.p += 1 + 16; // v128.const
      else if (op === 0x6a || op === 0x6b || op === 0x6c || op === 0x7c || op === 0x7d || op === 0x7e) continue;
      else throw new Error(`snapshot: unsupported opcode 0x${op.toString(16)} in a constant expression`);
    }
  }
}

function sections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100 || bytes.readUInt32LE(4) !== 1) throw new Error(`${input}: not a wasm module`);
  const out = [];
  const r = new Reader(bytes, 8);
  while (r.p < bytes.length) {
    const id = r.byte();
    const len = r.u32();
    out.push({ id, body: bytes.subarray(r.p, r.p + len) });
    r.p += len;
  }
  return out;
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────

function leb(n) {
  const out = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return out;
}

function sleb(v) {
  // v: bigint
  const out = [];
  for (;;) {
    const x = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(x & 0x40)) || (v === -1n && x & 0x40)) {
      out.push(x);
      return out;
    }
    out.push(x | 0x80);
  }
}

function vec(items) {
  return Buffer.concat([Buffer.from(leb(items.length)), ...items]);
}

function section(id, body) {
  return Buffer.concat([Buffer.from([id, ...leb(body.length)]), body]);
}

function constOf(type, value) {
  switch (type) {
    case 0x7f:
      return Buffer.from([0x41, ...sleb(BigInt(value | 0)), 0x0b]);
    case 0x7e:
      return Buffer.from([0x42, ...sleb(BigInt.asIntN(64, value)), 0x0b]);
    case 0x7d: {
      const b = Buffer.alloc(6);
      b[0] = 0x43;
      b.writeFloatLE(value, 1);
      b[5] = 0x0b;
      return b;
    }
    case 0x7c: {
      const b = Buffer.alloc(10);
      b[0] = 0x44;
      b.writeDoubleLE(value, 1);
      b[9] = 0x0b;
      return b;
    }
    default:
      throw new Error(`snapshot: mutable global of type 0x${type.toString(16)}`);
  }
}

// ── start-up code ─────────────────────────────────────────────────────────────────────────────
// What only start-up runs is dead in the snapshot (vmInit no longer calls vmStart): the start
// function, vmSnapshotInit, vmStart and whatever nothing else reaches. Their bodies become
// `unreachable`, so the module V8 has to read, copy and validate is smaller. Roots: the exports
// kept and the function table. vmStart is the first function vmSnapshotInit calls (checked: vmInit
// calls it too); if the code does not look like that, nothing is dropped.

/** The functions a body calls or takes a reference to (call, return_call, ref.func). */
function calleesOf(body) {
  const r = new Reader(body);
  const out = [];
  for (let n = r.u32(); n > 0; n--) {
    r.u32();
    r.byte();
  }
  while (r.p < body.length) {
    const op = r.byte();
    if (op === 0x02 || op === 0x03 || op === 0x04) {
      const t = r.b[r.p]; // block type: empty, a value type or a type index (s33)
      if (t === 0x40 || (t >= 0x6f && t <= 0x7f) || t === 0x7b) r.p++;
      else r.skipLeb();
    } else if (op === 0x0c || op === 0x0d || (op >= 0x20 && op <= 0x26)) r.u32(); // br, br_if, locals, globals, tables
    else if (op === 0x0e) {
      for (let n = r.u32(); n >= 0; n--) r.u32(); // br_table: n labels and the default
    } else if (op === 0x10 || op === 0x12 || op === 0xd2) out.push(r.u32()); // call, return_call, ref.func
    else if (op === 0x11 || op === 0x13) {
      r.u32();
      r.u32();
    } else if (op === 0x1c) r.p += r.u32(); // select t*
    else if (op === 0x41 || op === 0x42) r.skipLeb();
    else if (op === 0x43) r.p += 4;
    else if (op === 0x44) r.p += 8;
    else if (op === 0x3f || op === 0x40 || op === 0xd0) r.byte(); // memory.size/grow, ref.null
    else if (op >= 0x28 && op <= 0x3e) {
      r.u32();
      r.u32();
    } else if (op === 0xfc) {
      const sub = r.u32();
      if (sub <= 7) continue; // saturating truncations
      if (sub === 8) {
        r.u32(); // memory.init: data index, memory
        r.byte();
      } else if (sub === 10) r.p += 2; // memory.copy
      else if (sub === 11) r.byte(); // memory.fill
      else if (sub === 12 || sub === 14) {
        r.u32();
        r.u32();
      } else if (sub === 9 || sub === 13 || (sub >= 15 && sub <= 17)) r.u32();
      else throw new Error(`0xfc ${sub}`);
    } else if (op === 0xfd || op === 0xfe || op === 0xfb) throw new Error(`prefix 0x${op.toString(16)}`);
    else if (op === 0x06 || op === 0x07 || op === 0x08 || op === 0x09 || op === 0x18 || op === 0x19) throw new Error(`exception opcode 0x${op.toString(16)}`);
    // every other opcode has no immediates
  }
  return out;
}

function dropStartupCode() {
  const code = find(SEC_CODE);
  if (!code) return null;
  const bodies = [];
  {
    const r = new Reader(code.body);
    for (let n = r.u32(); n > 0; n--) {
      const len = r.u32();
      bodies.push(code.body.subarray(r.p, r.p + len));
      r.p += len;
    }
  }
  const exported = new Map();
  {
    const r = new Reader(find(SEC_EXPORT).body);
    for (let n = r.u32(); n > 0; n--) {
      const name = r.name();
      const kind = r.byte();
      const index = r.u32();
      if (kind === 0) exported.set(name, index);
    }
  }
  const roots = [...exported].filter(([name]) => name !== "vmSnapshotInit").map(([, index]) => index);
  const elem = find(SEC_ELEM);
  if (elem) {
    const r = new Reader(elem.body);
    for (let n = r.u32(); n > 0; n--) {
      if (r.u32() !== 0) return skip("an element segment of another form than 0");
      r.constExpr();
      for (let k = r.u32(); k > 0; k--) roots.push(r.u32());
    }
  }
  let callees;
  try {
    callees = bodies.map(calleesOf);
  } catch (e) {
    return skip(`unsupported code (${e.message})`);
  }
  const calls = (f) => (f >= importedFunctions ? callees[f - importedFunctions] : []);
  const snapshotInit = exported.get("vmSnapshotInit");
  const vmStart = snapshotInit === undefined ? undefined : calls(snapshotInit)[0];
  if (vmStart === undefined || !calls(exported.get("vmInit") ?? -1).includes(vmStart)) return skip("vmStart not found");
  const live = new Set();
  const stack = roots;
  while (stack.length) {
    const f = stack.pop();
    if (f === vmStart || live.has(f)) continue;
    live.add(f);
    for (const g of calls(f)) stack.push(g);
  }
  const UNREACHABLE = Buffer.from([3, 0, 0x00, 0x0b]); // size, no locals, unreachable, end
  let dropped = 0;
  let droppedBytes = 0;
  const out = bodies.map((b, i) => {
    if (live.has(i + importedFunctions)) return Buffer.concat([Buffer.from(leb(b.length)), b]);
    dropped++;
    droppedBytes += b.length;
    return UNREACHABLE;
  });
  return { section: Buffer.concat([Buffer.from(leb(bodies.length)), ...out]), dropped, droppedBytes };

  function skip(why) {
    console.log(`snapshot: start-up code kept (${why})`);
    return null;
  }
}

// ── the module ────────────────────────────────────────────────────────────────────────────────

const bytes = readFileSync(input);
const secs = sections(bytes);
const find = (id) => secs.find((s) => s.id === id);

let importedGlobals = 0;
let importedFunctions = 0;
/** The memory import's limits (byte range in the import section's body), if memory is imported. */
let memImport;
const imp = find(SEC_IMPORT);
if (imp) {
  const r = new Reader(imp.body);
  for (let n = r.u32(); n > 0; n--) {
    r.name();
    r.name();
    const kind = r.byte();
    if (kind === 0) {
      r.u32();
      importedFunctions++;
    }
    else if (kind === 1) {
      r.byte();
      const f = r.u32();
      r.u32();
      if (f & 1) r.u32();
    } else if (kind === 2) {
      // The VM imports its memory (the host pools memories between runs): remember where the
      // limits are, to rewrite the minimum below.
      const limitsAt = r.p;
      const f = r.u32();
      r.u32();
      const max = f & 1 ? r.u32() : undefined;
      memImport = { limitsAt, limitsEnd: r.p, flags: f, max };
    } else {
      importedGlobals++;
      r.byte();
      r.byte();
    }
  }
}
if (importedGlobals) throw new Error("snapshot: the module imports globals");

const globals = [];
{
  const r = new Reader(find(SEC_GLOBAL).body);
  for (let n = r.u32(); n > 0; n--) {
    const type = r.byte();
    const mutable = r.byte() === 1;
    globals.push({ type, mutable, init: Buffer.from(r.constExpr()) });
  }
}

const exportsList = [];
{
  const r = new Reader(find(SEC_EXPORT).body);
  for (let n = r.u32(); n > 0; n--) {
    const start = r.p;
    const name = r.name();
    r.byte();
    r.u32();
    exportsList.push({ name, raw: Buffer.from(r.b.subarray(start, r.p)) });
  }
}
if (!exportsList.some((e) => e.name === "vmSnapshotInit")) throw new Error(`${input}: no vmSnapshotInit export (already a snapshot?)`);

{
  const r = new Reader(find(SEC_DATA).body);
  for (let n = r.u32(); n > 0; n--) {
    const flags = r.u32();
    if (flags !== 0) throw new Error("snapshot: passive or multi-memory data segments are not handled");
    r.constExpr();
    const len = r.u32();
    r.p += len;
  }
}

let memFlags, memMax;
if (memImport) {
  memFlags = memImport.flags;
  memMax = memImport.max;
} else {
  const memSec = new Reader(find(SEC_MEMORY).body);
  if (memSec.u32() !== 1) throw new Error("snapshot: expected one memory");
  memFlags = memSec.u32();
  memSec.u32();
  memMax = memFlags & 1 ? memSec.u32() : undefined;
}

// Instrumented copy: every mutable global exported as __snapshot_g<i>.
const extra = globals.flatMap((g, i) => (g.mutable ? [Buffer.from([...leb(`__snapshot_g${i}`.length), ...Buffer.from(`__snapshot_g${i}`), 3, ...leb(i)])] : []));
const probe = Buffer.concat([
  bytes.subarray(0, 8),
  ...secs.map((s) => (s.id === SEC_EXPORT ? section(SEC_EXPORT, vec([...exportsList.map((e) => e.raw), ...extra])) : section(s.id, s.body))),
]);

const mod = new WebAssembly.Module(probe);
const env = {};
for (const i of WebAssembly.Module.imports(mod)) {
  if (i.kind === "memory") {
    // a fresh memory at the module's declared minimum, as the host gives it
    const r = new Reader(imp.body, memImport.limitsAt);
    r.u32();
    env[i.name] = new WebAssembly.Memory({ initial: r.u32(), ...(memMax === undefined ? {} : { maximum: memMax }) });
    continue;
  }
  if (i.kind !== "function") throw new Error(`snapshot: import ${i.module}.${i.name} is not a function`);
  env[i.name] = () => {
    throw new Error(`snapshot: the VM called its host (${i.module}.${i.name}) while starting`);
  };
}
const inst = new WebAssembly.Instance(mod, { env });
const heapTop = inst.exports.vmSnapshotInit() >>> 0;

const mem = new Uint8Array(inst.exports.memory.buffer);
// Initial memory: up to the heap's end and the last non-zero byte. The heap grows memory by
// memory.size() when it needs more, so the pages start-up grew ahead of need are left out.
let last = mem.length;
while (last > 0 && mem[last - 1] === 0) last--;
const pages = Math.max(1, Math.ceil(Math.max(heapTop, last) / 65536));

// The memory image: every 4 KiB page that holds a non-zero byte, merged into runs of pages (the
// last one cut at the last non-zero byte). It goes into a custom section at the end of the file,
// not into data segments: V8 copies a module's bytes when it compiles them, so data segments would
// be paged in twice before the VM even starts (~18 µs per page fault on this project's machines).
// host/wasm-loader.ts compiles the bytes before that section, and host/memory-image.ts reads these pages straight from
// the file into each instance's memory.
const PAGE = 4096;
const extents = [];
for (let page = 0; page * PAGE < last; page++) {
  const lo = page * PAGE;
  const hi = Math.min(lo + PAGE, last);
  let used = false;
  for (let i = lo; i < hi && !used; i++) used = mem[i] !== 0;
  if (!used) continue;
  const prev = extents[extents.length - 1];
  if (prev && prev.end === lo) prev.end = hi;
  else extents.push({ start: lo, end: hi });
}
const snapshotSection = (() => {
  const name = Buffer.from(SNAPSHOT_SECTION);
  const table = Buffer.alloc(4 + 8 * extents.length);
  table.writeUInt32LE(extents.length, 0);
  extents.forEach((e, i) => {
    table.writeUInt32LE(e.start, 4 + 8 * i);
    table.writeUInt32LE(e.end - e.start, 8 + 8 * i);
  });
  const images = extents.map((e) => mem.subarray(e.start, e.end));
  const trailerLen = 4 + SNAPSHOT_TAG.length;
  const payloadLen = name.length + leb(name.length).length + table.length + images.reduce((a, b) => a + b.length, 0) + trailerLen;
  const head = Buffer.from([0, ...leb(payloadLen)]);
  const trailer = Buffer.alloc(trailerLen);
  trailer.writeUInt32LE(head.length + payloadLen, 0);
  trailer.write(SNAPSHOT_TAG, 4, "latin1");
  return Buffer.concat([head, Buffer.from(leb(name.length)), name, table, ...images, trailer]);
})();

const newGlobals = vec(
  globals.map((g, i) => {
    const init = g.mutable ? constOf(g.type, inst.exports[`__snapshot_g${i}`].value) : g.init;
    return Buffer.concat([Buffer.from([g.type, g.mutable ? 1 : 0]), init]);
  }),
);
const newLimits = Buffer.from([memFlags, ...leb(pages), ...(memMax === undefined ? [] : leb(memMax))]);
const newMemory = vec([newLimits]);
const newImports = memImport
  ? Buffer.concat([imp.body.subarray(0, memImport.limitsAt), newLimits, imp.body.subarray(memImport.limitsEnd)])
  : undefined;
const newExports = vec(exportsList.filter((e) => e.name !== "vmSnapshotInit").map((e) => e.raw));

const deadCode = dropStartupCode();

const parts = [bytes.subarray(0, 8)];
for (const s of secs) {
  if (s.id === SEC_START) continue;
  if (s.id === SEC_MEMORY) parts.push(section(s.id, newMemory));
  else if (s.id === SEC_IMPORT && newImports) parts.push(section(s.id, newImports));
  else if (s.id === SEC_GLOBAL) parts.push(section(s.id, newGlobals));
  else if (s.id === SEC_EXPORT) parts.push(section(s.id, newExports));
  else if (s.id === SEC_DATACOUNT || s.id === SEC_DATA) continue; // all in the memory image
  else if (s.id === SEC_CODE && deadCode) parts.push(section(s.id, deadCode.section));
  else parts.push(section(s.id, s.body));
}
const moduleBytes = Buffer.concat(parts);
new WebAssembly.Module(moduleBytes); // validates every function (the loader validates lazily)
const out = Buffer.concat([moduleBytes, snapshotSection]);
if (!WebAssembly.validate(out)) throw new Error("snapshot: the module with its memory image section does not validate");
writeFileSync(output, out);
const imageBytes = extents.reduce((a, e) => a + e.end - e.start, 0);
console.log(
  `snapshot: ${path.relative(process.cwd(), output)} ${bytes.length} -> ${out.length} bytes ` +
    `(${pages} pages; memory image ${imageBytes} bytes in ${extents.length} runs of pages` +
    (deadCode ? `; ${deadCode.dropped} start-up functions dropped, ${deadCode.droppedBytes} code bytes)` : ")"),
);
