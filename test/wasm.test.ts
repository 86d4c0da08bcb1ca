// The WASM path from day one: asc builds assembly/ into build/vm.wasm, and the module reads marshal
// data that CPython 3.11 wrote.
import { describe, expect, it } from "vitest";
import { instantiateVm, loadVmModule } from "../host/wasm-loader.js";
import { CACHE_ENTRIES } from "../host/opcodes.generated.js";
import { pythonJson } from "./support/python.js";

const STATUS_OK = 0;
const STATUS_EOF = -1;
const STATUS_BAD_TYPE = -2;

function probe(bytes: Uint8Array): { sum: bigint; status: number } {
  const vm = instantiateVm();
  const base = vm.scratchBase();
  new Uint8Array(vm.memory.buffer).set(bytes, base);
  const sum = vm.probeMarshalSum(base, bytes.length);
  return { sum, status: vm.probeStatus() };
}

describe("vm.wasm", () => {
  it("compiles once and instantiates many times", () => {
    expect(loadVmModule()).toBe(loadVmModule());
    expect(instantiateVm().memory).not.toBe(instantiateVm().memory);
  });

  it("reads ints and tuples of ints that CPython marshalled", () => {
    const cases = pythonJson<{ hex: string; sum: string }[]>(`
import marshal, json
values = [0, 1, -1, 2**31 - 1, -2**31, 2**40, -(2**59), (1, 2, 3), (), (5, -7, 2**45), tuple(range(300))]
print(json.dumps([{"hex": marshal.dumps(v).hex(), "sum": str(v if isinstance(v, int) else sum(v))} for v in values]))
`);
    expect(cases.length).toBe(11);
    for (const c of cases) {
      const got = probe(Buffer.from(c.hex, "hex"));
      expect(got.status).toBe(STATUS_OK);
      expect(got.sum).toBe(BigInt(c.sum));
    }
  });

  it("reports truncated and foreign data as a status, not a trap", () => {
    expect(probe(new Uint8Array([0xe9, 1, 0])).status).toBe(STATUS_EOF);
    expect(probe(new Uint8Array([])).status).toBe(STATUS_EOF);
    expect(probe(new Uint8Array([0x29, 2, 0xe9, 1, 0, 0, 0])).status).toBe(STATUS_EOF);
    expect(probe(new Uint8Array([0x4e])).status).toBe(STATUS_BAD_TYPE); // None
  });

  it("carries the same cache-entry table as the host", () => {
    const vm = instantiateVm();
    for (let op = 0; op < 256; op++) expect(vm.cacheEntries(op)).toBe(CACHE_ENTRIES[op]);
  });
});
