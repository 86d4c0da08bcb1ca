/**
 * bytes objects: immutable byte strings, data inline after a fixed header.
 *
 *   offset 0   [ refcnt u32             | type u32 -> bytes ]
 *          8   [ length u32             | 0 u32             ]
 *         16   [ hash i64 (-1: not computed yet)             ]
 *         24   [ data: length bytes ...                      ]
 *
 * Block size: 24 + length. co_code, co_linetable, co_exceptiontable and co_localspluskinds are
 * bytes objects of this layout (code.ts keeps a separate mutable copy of co_code for the eval loop).
 *
 * Entry points: bytesAlloc, bytesFromMemory, bytesSize, bytesEqual.
 */
import { alloc } from "./heap";
import { ObjHeader, initHeader } from "./object";
import { typeObject, KIND_BYTES, raiseMemory } from "./types";

@unmanaged
export class BytesObject extends ObjHeader {
  length: u32;
  reserved: u32;
  hash: i64;
}

export const BYTES_HEADER_SIZE: usize = 24;
// @ts-ignore: compile-time check
if (offsetof<BytesObject>() != BYTES_HEADER_SIZE) ERROR("BytesObject layout");

// @ts-ignore: decorator
@inline export function bytesLength(p: usize): u32 {
  return changetype<BytesObject>(p).length;
}
// @ts-ignore: decorator
@inline export function bytesData(p: usize): usize {
  return p + BYTES_HEADER_SIZE;
}
// @ts-ignore: decorator
@inline export function bytesSize(p: usize): usize {
  return BYTES_HEADER_SIZE + <usize>bytesLength(p);
}

/** A new bytes object of `n` zero bytes; 0 (MemoryError) when out of memory. */
export function bytesAlloc(n: usize): usize {
  if (n > 0x7ffffff0) return raiseMemory();
  const p = alloc(BYTES_HEADER_SIZE + n);
  if (p == 0) return raiseMemory();
  initHeader(p, typeObject(KIND_BYTES));
  changetype<BytesObject>(p).length = <u32>n;
  changetype<BytesObject>(p).hash = -1;
  return p;
}

/** A bytes object holding a copy of memory [src, src + n). */
export function bytesFromMemory(src: usize, n: usize): usize {
  const p = bytesAlloc(n);
  if (p != 0) memory.copy(bytesData(p), src, n);
  return p;
}

export function bytesEqual(a: usize, b: usize): bool {
  if (a == b) return true;
  const n = bytesLength(a);
  return n == bytesLength(b) && memory.compare(bytesData(a), bytesData(b), <usize>n) == 0;
}
