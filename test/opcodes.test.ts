// The generated opcode tables are current (regenerating from python3.11 changes nothing) and agree
// with CPython's dis module.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { CACHE_ENTRIES, DEOPT, OPNAME, Op, stackEffect, OPFLAGS, HAS_JREL, IS_BACKWARD_JUMP } from "../host/opcodes.generated.js";
import { PYTHON, pythonJson } from "./support/python.js";

describe("opcode tables", () => {
  it("are what tools/gen_opcodes.py generates now", () => {
    const res = spawnSync(PYTHON, ["tools/gen_opcodes.py", "--check"], { encoding: "utf8" });
    expect(res.stdout + res.stderr).toBe("");
    expect(res.status).toBe(0);
  });

  it("match dis: names, caches, stack effects, jumps", () => {
    const facts = pythonJson<{ names: string[]; caches: number[]; effects: [number, number, boolean, number][]; jrel: number[] }>(`
import dis, opcode, json
effects = []
for name, op in opcode.opmap.items():
    for arg in ([None] if op < opcode.HAVE_ARGUMENT else [0, 1, 2, 3, 5, 8, 15, 256, 259, 1000]):
        for jump in (False, True):
            effects.append([op, arg or 0, jump, dis.stack_effect(op, arg, jump=jump)])
print(json.dumps({"names": dis._all_opname, "caches": opcode._inline_cache_entries, "effects": effects, "jrel": opcode.hasjrel}))
`);
    expect(OPNAME).toEqual(facts.names);
    expect(CACHE_ENTRIES.map((_, op) => CACHE_ENTRIES[DEOPT[op]])).toEqual(facts.caches.map((_, op) => facts.caches[DEOPT[op]]));
    for (const [op, arg, jump, effect] of facts.effects) expect([op, arg, jump, stackEffect(op, arg, jump)]).toEqual([op, arg, jump, effect]);
    for (let op = 0; op < 256; op++) expect(Boolean(OPFLAGS[op] & HAS_JREL) && DEOPT[op] === op).toBe(facts.jrel.includes(op));
    expect(OPFLAGS[Op.JUMP_BACKWARD] & IS_BACKWARD_JUMP).toBeTruthy();
    expect(OPFLAGS[Op.JUMP_FORWARD] & IS_BACKWARD_JUMP).toBeFalsy();
  });
});
