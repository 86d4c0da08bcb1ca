/**
 * host/wasm-loader.ts and the start-up memory image (tools/snapshot-vm.mjs): build/vm.wasm is one
 * valid module file whose last section holds the VM's memory after start-up; the loader compiles
 * the bytes before it and copies the image into each instance's memory. A host that skips the
 * loader gets a clear error from startVm, never a VM running on empty memory.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultWasmPath, HostOp, hostImport, instantiateVm, loadVmModule, startVm, type VmExports } from "../host/wasm-loader.js";
import { runPycSync } from "../host/run.js";
import { runPython } from "./support/python.js";

const TMP = mkdtempSync(join(tmpdir(), "pyvm-loader-"));
// Reads names, interned strings, type dicts and builtins from the image; prints CPython's answer.
const SOURCE = "import sys\nd = {k: len(k) for k in dir(str)}\nprint(1, sorted(d.items())[:3], type(sys.version).__name__, hash('abc'))\n";
const PYC = new Uint8Array(runPython("import marshal, sys, importlib.util as u\nsys.stdout.buffer.write(u.MAGIC_NUMBER + bytes(12) + marshal.dumps(compile(sys.stdin.read(), 'm.py', 'exec')))", SOURCE));
const EXPECTED = runPython("import sys\nexec(compile(sys.stdin.read(), 'm.py', 'exec'))", SOURCE).toString("utf8");
const RELEASE = defaultWasmPath();

/** A copy of build/vm.wasm at a path of its own (the loader caches compiled modules per path). */
function copyOfRelease(name: string): string {
  const p = join(TMP, name);
  copyFileSync(RELEASE, p);
  return p;
}

describe("wasm loader and memory image", () => {
  it("keeps build/vm.wasm a valid module whose last section is the memory image", () => {
    const file = readFileSync(RELEASE);
    expect(WebAssembly.validate(file)).toBe(true);
    const mod = new WebAssembly.Module(file);
    const [section] = WebAssembly.Module.customSections(mod, "pyvm.snapshot");
    expect(section).toBeDefined();
    // the trailer: the section's own length (id byte to end of file), then the tag
    const tail = file.subarray(file.length - 12);
    expect(tail.subarray(4).toString("latin1")).toBe("PYVMSNP1");
    const sectionLength = tail.readUInt32LE(0);
    expect(file[file.length - sectionLength]).toBe(0); // a custom section's id
    expect(file.length - sectionLength).toBeLessThan(file.length - section.byteLength);
  });

  it("starts VMs from the image, each as fresh as the first", () => {
    // runs on one memory after another (the pool's, the first of them the pages the module was read into)
    const p = copyOfRelease("fresh.wasm");
    const outs: string[] = [];
    for (let i = 0; i < 4; i++) {
      let out = "";
      const status = runPycSync(PYC, { wasmPath: p, stdout: (s) => (out += s), stderr: (s) => (out += s) });
      outs.push(`${status}:${out}`);
    }
    expect(outs).toEqual(Array(4).fill(`0:${EXPECTED}`));
  });

  it("refuses to start an instance made without the loader, with a clear message", () => {
    const file = readFileSync(RELEASE);
    const mod = new WebAssembly.Module(file);
    const pages = WebAssembly.Module.imports(mod).length; // (any)
    expect(pages).toBeGreaterThan(0);
    const memory = new WebAssembly.Memory({ initial: 64 });
    const env: Record<string, unknown> = { memory };
    for (const i of WebAssembly.Module.imports(mod)) if (i.kind === "function") env[i.name] = () => 0;
    const vm = new WebAssembly.Instance(mod, { env: env as WebAssembly.ModuleImports }).exports as unknown as VmExports;
    expect(vm.vmInit(0)).toBe(1);
    expect(() => startVm(vm, 0)).toThrow(/start-up memory image is missing/);
  });

  it("leaves V8's eager validation on for every other module", () => {
    loadVmModule(copyOfRelease("eager.wasm")); // compiles with lazy validation, then switches it back
    // one function whose body pops from an empty stack: invalid
    const bad = new Uint8Array([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
      0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
      0x0a, 0x05, 0x01, 0x03, 0x00, 0x6a, 0x0b, // code: no locals, i32.add, end
    ]);
    expect(WebAssembly.validate(bad)).toBe(false);
    expect(() => new WebAssembly.Module(bad)).toThrow(WebAssembly.CompileError);
  });

  it("reports a file replaced after it was compiled", () => {
    const p = copyOfRelease("changed.wasm");
    const vm = instantiateVm(p);
    startVm(vm, 0);
    const later = new Date(Date.now() + 5000);
    utimesSync(p, later, later);
    expect(() => instantiateVm(p)).toThrow(/changed since this process compiled it/);
  });

  it("reports a damaged image section as an error, not a crash", () => {
    const file = Buffer.from(readFileSync(RELEASE));
    const bad = Buffer.from(file);
    bad.writeUInt32LE(file.length + 10, file.length - 12); // section longer than the file
    const p1 = join(TMP, "bad-length.wasm");
    writeFileSync(p1, bad);
    expect(() => instantiateVm(p1)).toThrow(/bad memory image section \(length\)/);
    const cut = Buffer.from(file);
    cut.writeUInt32LE(cut.readUInt32LE(file.length - 12) - 1, file.length - 12); // start one byte late
    const p2 = join(TMP, "bad-start.wasm");
    writeFileSync(p2, cut);
    expect(() => instantiateVm(p2)).toThrow(/bad memory image section/);
  });


  it("calls its host through one import, with assembly/host.ts's operation numbers", () => {
    const imports = WebAssembly.Module.imports(loadVmModule(RELEASE));
    expect(imports.filter((i) => i.kind === "function").map((i) => `${i.module}.${i.name}`)).toEqual(["env.host"]);
    const source = readFileSync(join(__dirname, "..", "assembly", "host.ts"), "utf8");
    const inVm = Object.fromEntries([...source.matchAll(/export const HOST_(\w+): i32 = (\d+);/g)].map((m) => [m[1].replace(/_/g, ""), Number(m[2])]));
    const inHost = Object.fromEntries(Object.entries(HostOp).filter(([, v]) => typeof v === "number").map(([k, v]) => [k.toUpperCase(), v]));
    expect(Object.keys(inVm).length).toBe(10);
    expect(inVm).toEqual(inHost);
    // the dispatcher: answers and defaults
    const calls: unknown[] = [];
    const host = hostImport({ write: (...a) => calls.push(["write", ...a]), clockNow: (k) => 40 + k });
    expect(host(HostOp.Write, 1, 2, 3, 0, 0, 0, 0, 0, 0)).toBe(0);
    expect(host(HostOp.ClockNow, 2, 0, 0, 0, 0, 0, 0, 0, 0)).toBe(42);
    expect(host(HostOp.ReadLine, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toBe(-1);
    expect(host(HostOp.FindModule, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toBe(-1);
    expect(host(HostOp.CompileSource, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toBe(-1);
    expect(host(HostOp.PollInterrupt, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toBe(0);
    expect(calls).toEqual([["write", 1, 2, 3]]);
    expect(() => host(HostOp.Abort, 0, 0, 12, 34, 0, 0, 0, 0, 0)).toThrow("vm.wasm aborted at 12:34");
    expect(() => host(99, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toThrow(/unknown host operation 99/);
  });
});
