/**
 * Frames: one heap block per executing code object, holding the fast locals (localsplus: locals,
 * cells, free variables) and the value stack, linked to the caller through `prev`. A call from
 * Python to Python pushes a frame and stays in the same eval-loop invocation, so deep recursion
 * costs no WebAssembly stack. A generator owns its frame (FRAME_GENERATOR) and keeps it between
 * resumptions.
 *
 *   0 [ code u32 (owned)      | func u32 (owned, or 0)     ]
 *   8 [ globals u32 (owned)   | builtins u32 (owned)       ]
 *  16 [ locals u32 (dict, owned, or 0) | prev u32          ]
 *  24 [ ip u32: next instruction (absolute) | sp u32: stack top (absolute) ]
 *  32 [ size u32 (block bytes) | nlocalsplus u32           ]
 *  40 [ here u32: the instruction being executed (absolute) | flags u32 (FRAME_*) ]
 *  48 [ gen u32: owning generator or 0 | below u32: arena frames: the arena frame under this one ]
 *  56 [ localsplus: nlocalsplus Values ][ value stack: stacksize Values ]
 *
 * Ownership: code and func are owned; globals and builtins are borrowed from func when there is
 * one (a function's __globals__/builtins cannot change), owned otherwise (module and class bodies).
 *
 * Where frames live: ordinary calls return in LIFO order, so their frames come from an arena by
 * bump allocation (no free-list work, only the locals are zeroed). Generator frames outlive their
 * call and come from the heap, as does any frame once the arena is full (deep recursion). A frame
 * freed out of order (it should not happen, but must not corrupt) is marked dead and its space is
 * reclaimed when the frames above it are gone.
 */
import { Value, NULL } from "./values";
import { alloc, free } from "./heap";
import { raiseMemory } from "./types";
import { incref, decref, decrefChild } from "./refcount";
import { CodeObject } from "./code";
import { CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR } from "./call";

export const F_CODE: usize = 0;
export const F_FUNC: usize = 4;
export const F_GLOBALS: usize = 8;
export const F_BUILTINS: usize = 12;
export const F_LOCALS: usize = 16;
export const F_PREV: usize = 20;
export const F_IP: usize = 24;
export const F_SP: usize = 28;
export const F_SIZE: usize = 32;
export const F_NLOCALSPLUS: usize = 36;
export const F_HERE: usize = 40;
export const F_FLAGS: usize = 44;
export const F_GEN: usize = 48;
export const F_BELOW: usize = 52;
export const FRAME_HEADER: usize = 56;

/** The eval loop returns to its caller when this frame returns (a nested evaluation's bottom). */
export const FRAME_ENTRY: u32 = 1;
/** Owned by a generator object: not freed when it returns or yields. */
export const FRAME_GENERATOR: u32 = 2;
/** The generator's frame has finished (returned or raised). */
export const FRAME_DONE: u32 = 4;
/** The block is in the frame arena (not the heap). */
export const FRAME_ARENA: u32 = 8;
/** An arena frame freed while frames above it still live: reclaimed when they go. */
const FRAME_DEAD: u32 = 16;
/** exec()'s frame run by the eval loop (eval.ts ENTER_FRAME): its caller gets None, not its result. */
export const FRAME_RESULT_NONE: u32 = 32;

/** Arena size: about 4,000 frames of a small function; deeper recursion spills to the heap. */
const FRAME_ARENA_BYTES: usize = 1 << 20;
let arenaBase: usize = 0;
let arenaEnd: usize = 0;
/** The topmost arena frame (0: the arena is empty) and the first free byte above it. */
let arenaLast: usize = 0;
let arenaTop: usize = 0;
/** The highest arenaTop so far: [arenaHigh, arenaEnd) was never written (frameArenaUntouched). */
let arenaHigh: usize = 0;

// @ts-ignore: decorator
@inline export function frameField(f: usize, off: usize): usize {
  return <usize>load<u32>(f + off);
}
// @ts-ignore: decorator
@inline export function frameLocals(f: usize): usize {
  return f + FRAME_HEADER;
}
/** Address of the value stack's bottom. */
// @ts-ignore: decorator
@inline export function frameStackBase(f: usize): usize {
  return f + FRAME_HEADER + (<usize>load<u32>(f + F_NLOCALSPLUS) << 3);
}

/**
 * A frame for `code` with empty locals and stack; ip at the first instruction. References are
 * taken to code and func, and to globals, builtins and locals when there is no func (0 where absent).
 * Inlined (three callers): every Python-to-Python call makes one.
 */
// @ts-ignore: decorator
@inline export function frameNew(code: usize, func: usize, globals: usize, builtins: usize, locals: usize): usize {
  const c = changetype<CodeObject>(code);
  const nlp = <usize>c.nlocalsplus;
  const size = FRAME_HEADER + ((nlp + <usize>c.stacksize) << 3);
  let f: usize;
  let flags: u32 = 0;
  if ((c.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) == 0 && arenaTop + size <= arenaEnd) {
    f = arenaTop;
    arenaTop = f + size;
    if (arenaTop > arenaHigh) arenaHigh = arenaTop;
    store<u32>(f + F_BELOW, <u32>arenaLast);
    arenaLast = f;
    flags = FRAME_ARENA;
    store<u32>(f + F_PREV, 0);
    store<u32>(f + F_GEN, 0);
    const lp = f + FRAME_HEADER;
    for (let i: usize = 0; i < nlp; i++) store<u64>(lp + (i << 3), 0);
  } else {
    f = frameNewSlow(size);
    if (f == 0) return 0;
  }
  incref(<u64>code);
  if (func != 0) {
    incref(<u64>func);
  } else {
    incref(<u64>globals);
    incref(<u64>builtins);
  }
  if (locals != 0) incref(<u64>locals);
  store<u32>(f + F_CODE, <u32>code);
  store<u32>(f + F_FUNC, <u32>func);
  store<u32>(f + F_GLOBALS, <u32>globals);
  store<u32>(f + F_BUILTINS, <u32>builtins);
  store<u32>(f + F_LOCALS, <u32>locals);
  store<u32>(f + F_SIZE, <u32>size);
  store<u32>(f + F_NLOCALSPLUS, <u32>nlp);
  store<u32>(f + F_FLAGS, flags);
  store<u32>(f + F_IP, c.adaptive);
  store<u32>(f + F_HERE, c.adaptive);
  store<u32>(f + F_SP, <u32>(f + FRAME_HEADER + (nlp << 3)));
  return f;
}

/** A heap frame (generators, a full arena); the arena itself is made on first use. */
function frameNewSlow(size: usize): usize {
  if (arenaBase == 0) {
    const a = alloc(FRAME_ARENA_BYTES);
    if (a != 0) {
      arenaBase = a;
      arenaTop = a;
      arenaHigh = a;
      arenaEnd = a + FRAME_ARENA_BYTES;
    }
  }
  const f = alloc(size);
  if (f == 0) return raiseMemory();
  return f;
}

/**
 * Start of the frame arena's never-written tail, which ends at frameArenaEnd() (both 0 before the
 * arena exists). A host that reuses this memory need not zero that tail: the arena is 1 MiB and a
 * typical program writes a few KiB of it, and zeroing pages nobody touched costs a page fault each
 * (host/memory-pool.ts).
 */
export function frameArenaUntouched(): usize {
  return arenaHigh;
}
export function frameArenaEnd(): usize {
  return arenaEnd;
}

/** The topmost live arena frame, or 0 (unawaited.ts: where a warning happens). */
export function frameInnermostArena(): usize {
  return arenaLast;
}

/** Releases a frame: its locals, what is left on its stack, its references, its block. */
export function frameFree(f: usize): void {
  const lp = frameLocals(f);
  const n = <usize>load<u32>(f + F_NLOCALSPLUS);
  for (let i: usize = 0; i < n; i++) decrefChild(load<u64>(lp + (i << 3)));
  const base = lp + (n << 3);
  for (let p = <usize>load<u32>(f + F_SP); p > base; ) {
    p -= 8;
    decrefChild(load<u64>(p));
  }
  decrefChild(<u64>load<u32>(f + F_CODE));
  const func = load<u32>(f + F_FUNC);
  if (func != 0) {
    decrefChild(<u64>func);
  } else {
    decrefChild(<u64>load<u32>(f + F_GLOBALS));
    decrefChild(<u64>load<u32>(f + F_BUILTINS));
  }
  const locals = load<u32>(f + F_LOCALS);
  if (locals != 0) decrefChild(<u64>locals);
  if ((load<u32>(f + F_FLAGS) & FRAME_ARENA) != 0) arenaRelease(f);
  else free(f, <usize>load<u32>(f + F_SIZE));
}

/** Pops an arena frame, and any dead frames under it. */
// @ts-ignore: decorator
@inline function arenaRelease(f: usize): void {
  if (f != arenaLast) {
    store<u32>(f + F_FLAGS, load<u32>(f + F_FLAGS) | FRAME_DEAD);
    return;
  }
  let below = <usize>load<u32>(f + F_BELOW);
  arenaTop = f;
  while (below != 0 && (load<u32>(below + F_FLAGS) & FRAME_DEAD) != 0) {
    arenaTop = below;
    below = <usize>load<u32>(below + F_BELOW);
  }
  arenaLast = below;
}

export { NULL };
