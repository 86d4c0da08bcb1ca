/**
 * The VM's start-up memory image in build/vm.wasm (written by tools/snapshot-vm.mjs): finding it in
 * the file and copying it into an instance's memory. Used by host/wasm-loader.ts.
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from "node:fs";

/**
 * The last section of a snapshot build (tools/snapshot-vm.mjs) is a custom section
 * "pyvm.snapshot": the VM's linear memory just after start-up, as runs of 4 KiB pages. Its payload,
 * after the section name: u32 LE run count n; n × (u32 LE address, u32 LE byte length); the runs'
 * bytes in that order; a trailer of u32 LE = the section's length from its id byte to the end of
 * the file, and the 8 ASCII bytes "PYVMSNP1". The trailer lets the loader find the module's own
 * bytes (everything before the section) without reading the file twice. The file stays a valid
 * module, but one that only starts after its image is copied in (assembly/vm.ts vmInit checks).
 */
export interface MemoryImage {
  /** Byte length of the module proper: the section starts here. */
  moduleLength: number;
  /** Runs as (memory address, byte length, file offset) triples. */
  runs: number[];
}
const IMAGE_SECTION = "pyvm.snapshot";
const IMAGE_TAG = "PYVMSNP1";
const TRAILER = 4 + IMAGE_TAG.length;

/** What identifies a file's contents for the loader: the image is read from the file compiled. */
export const identityOf = (st: Stats) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;

export function readFully(fd: number, into: Uint8Array, position: number): void {
  let got = 0;
  while (got < into.length) {
    const n = readSync(fd, into, got, into.length - got, position + got);
    if (n <= 0) throw new Error(`unexpected end of file at byte ${position + got}`);
    got += n;
  }
}

/** The memory image's table, or undefined: the file has no image (a build without a snapshot). */
export function readImageTable(fd: number, path: string, size: number): MemoryImage | undefined {
  if (size < 8 + TRAILER) return undefined;
  const trailer = new Uint8Array(TRAILER);
  readFully(fd, trailer, size - TRAILER);
  if (new TextDecoder("latin1").decode(trailer.subarray(4)) !== IMAGE_TAG) return undefined;
  const bad = (why: string) => new Error(`${path}: bad memory image section (${why})`);
  const sectionLength = new DataView(trailer.buffer).getUint32(0, true);
  const start = size - sectionLength;
  if (sectionLength < TRAILER || start < 8) throw bad("length");
  const head = new Uint8Array(Math.min(sectionLength, 64));
  readFully(fd, head, start);
  let p = 0;
  const leb = (): number => {
    let r = 0;
    for (let shift = 0; ; shift += 7) {
      const x = head[p++];
      r += (x & 0x7f) * 2 ** shift;
      if (!(x & 0x80)) return r;
      if (shift > 28 || p >= head.length) throw bad("header");
    }
  };
  if (head[p++] !== 0) throw bad("not a custom section");
  leb(); // payload length
  const nameLength = leb();
  if (new TextDecoder("latin1").decode(head.subarray(p, p + nameLength)) !== IMAGE_SECTION) throw bad("name");
  p += nameLength;
  const tableAt = start + p;
  const count = new Uint8Array(4);
  readFully(fd, count, tableAt);
  const n = new DataView(count.buffer).getUint32(0, true);
  if (tableAt + 4 + 8 * n > size - TRAILER) throw bad("run count");
  const table = new Uint8Array(8 * n);
  readFully(fd, table, tableAt + 4);
  const view = new DataView(table.buffer);
  const runs: number[] = [];
  let at = tableAt + 4 + 8 * n;
  for (let i = 0; i < n; i++) {
    const length = view.getUint32(8 * i + 4, true);
    runs.push(view.getUint32(8 * i, true), length, at);
    at += length;
  }
  if (at !== size - TRAILER) throw bad("runs do not fill the section");
  return { moduleLength: start, runs };
}

/**
 * Copies a start-up memory image into `memory` (zero everywhere) from the file at `path`, which
 * must still be the file the module was compiled from (`identity`).
 */
export function applyImage(path: string, image: MemoryImage, identity: string, memory: WebAssembly.Memory): void {
  const fd = openSync(path, "r");
  try {
    if (identityOf(fstatSync(fd)) !== identity) {
      throw new Error(`${path} changed since this process compiled it: restart to load the new build`);
    }
    const into = new Uint8Array(memory.buffer);
    const { runs } = image;
    for (let i = 0; i < runs.length; i += 3) {
      if (runs[i] + runs[i + 1] > into.length) throw new Error(`${path}: memory image run beyond the module's memory`);
      readFully(fd, into.subarray(runs[i], runs[i] + runs[i + 1]), runs[i + 2]);
    }
  } finally {
    closeSync(fd);
  }
}
