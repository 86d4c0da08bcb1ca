/**
 * The header every heap object starts with, and reference counting.
 *
 *   offset 0            4            8
 *          [ refcnt u32 | type  u32 ]  then the type's own fields
 *
 * `type` is the address of the object's type object (also a heap object). Objects are freed when
 * refcnt drops to 0 (a cycle collector comes later); `dealloc` dispatches on the type's kind.
 */
import { Value, isObject, getObject } from "./values";
import { gcKindTracked, gcTrack } from "./gc-tables";

@unmanaged
export class ObjHeader {
  refcnt: u32;
  type: u32;
}

export const HEADER_SIZE: usize = 8;

// @ts-ignore: decorator
@inline export function header(ptr: usize): ObjHeader {
  return changetype<ObjHeader>(ptr);
}

/**
 * Statically allocated objects (type objects, Ellipsis, the empty tuple, type names) start with this
 * count and are never freed: incref/decref leave a count at or above it alone (refcount.ts), so no
 * store ever hits static data and no count can reach 0. 2**29 cannot be reached by real references
 * (a 4 GiB memory holds at most 2**29 eight-byte Values).
 */
export const IMMORTAL_REFCNT: u32 = 0x20000000;

/** Writes the header of a fresh object: one reference (the creator's) and its type. */
// @ts-ignore: decorator
@inline export function initHeader(ptr: usize, type: usize): void {
  store<u32>(ptr, 1, 0);
  store<u32>(ptr, <u32>type, 4);
  // Containers join the cycle collector's youngest generation (gc.ts).
  if (gcKindTracked(load<u32>(type, 8))) gcTrack(ptr);
}

/** Writes the header of a static object (immortal count). */
// @ts-ignore: decorator
@inline export function initStaticHeader(ptr: usize, type: usize): void {
  store<u32>(ptr, IMMORTAL_REFCNT, 0);
  store<u32>(ptr, <u32>type, 4);
}

/** The address of an object's type object. */
// @ts-ignore: decorator
@inline export function typeOfObject(ptr: usize): usize {
  return <usize>load<u32>(ptr, 4);
}
