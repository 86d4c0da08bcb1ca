/**
 * Linear memories kept from one run to the next. A page of a fresh WebAssembly.Memory costs a page
 * fault the first time it is touched (measured ~11 µs per 4 KiB page on this project's 2-vCPU
 * machines, 2026-11-24: a program that fills 100 MB pays ~0.3 s for it), while zeroing a page that
 * is already mapped costs ~0.2 µs. So a finished one-shot run (host/run.ts) gives its memory back
 * here, and the next run zeroes the part the last one dirtied and instantiates on it: the VM then
 * starts exactly as on a fresh memory (the loader copies its start-up memory image in again).
 *
 * Bounded: at most KEEP memories, none larger than KEEP_MAX_BYTES, so a long-lived host holds no
 * more than that after one big program.
 */
const KEEP = 2;
const KEEP_MAX_BYTES = 256 * 1024 * 1024;

interface Kept {
  memory: WebAssembly.Memory;
  /** [0, dirty) may be non-zero, except [clean[0], clean[1]) */
  dirty: number;
  clean: readonly [number, number];
}
const kept: Kept[] = [];

/** A memory of at least `pages` 64 KiB pages that reads as zero everywhere. */
export function takeMemory(pages: number): WebAssembly.Memory {
  const k = kept.pop();
  if (!k) return new WebAssembly.Memory({ initial: pages });
  const { memory } = k;
  const dirty = Math.min(k.dirty, memory.buffer.byteLength);
  const [cleanStart, cleanEnd] = k.clean;
  const bytes = new Uint8Array(memory.buffer);
  if (cleanStart < cleanEnd && cleanEnd <= dirty) {
    bytes.fill(0, 0, cleanStart);
    bytes.fill(0, cleanEnd, dirty);
  } else {
    bytes.fill(0, 0, dirty);
  }
  const have = memory.buffer.byteLength >>> 16;
  if (have < pages) memory.grow(pages - have);
  return memory;
}

/**
 * Hands a memory back once no instance will use it again; `dirty` bounds what was written
 * (the VM's heapDirtyEnd()), and `clean`, if given, is a range below it that was not written (the
 * frame arena's untouched tail): zeroing a page that was never touched would fault it in for nothing.
 */
export function giveBackMemory(memory: WebAssembly.Memory, dirty: number, clean: readonly [number, number] = [0, 0]): void {
  if (kept.length >= KEEP || memory.buffer.byteLength > KEEP_MAX_BYTES) return;
  if (kept.some((k) => k.memory === memory)) return;
  kept.push({ memory, dirty, clean });
}

/** Drops every kept memory (for hosts that want the memory back now). */
export function releaseKeptMemories(): void {
  kept.length = 0;
}
