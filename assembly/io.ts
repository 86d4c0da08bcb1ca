/**
 * Standard streams through the host: text is encoded as UTF-8 into a buffer in linear memory and
 * handed to the host's `write(fd, ptr, len)` import when the buffer fills, before anything goes to
 * stderr (so a terminal sees both streams in order), and when the program ends (vmFlush).
 * input() reads a line through the host's `readLine(ptr, cap)` import.
 */
import { strLength, strCodePoint, strFromUtf8 } from "./str";
import { raiseMemory } from "./types";

import { hostWrite, hostReadLine } from "./host";

const OUT_CAP: usize = 1 << 16;
const OUT: usize = memory.data(<i32>OUT_CAP, 8);
let outLen: usize = 0;
let outFd: i32 = 1;

/** Sends what is buffered to the host. */
export function flushOut(): void {
  if (outLen > 0) hostWrite(outFd, OUT, outLen);
  outLen = 0;
}

// @ts-ignore: decorator
@inline function putByte(b: u32): void {
  if (outLen == OUT_CAP) flushOut();
  store<u8>(OUT + outLen++, <u8>b);
}

/** Writes a str object to fd 1 or 2, UTF-8 encoded (lone surrogates as their 3-byte form). */
export function writeOut(fd: i32, s: usize): void {
  if (fd != outFd) {
    flushOut();
    outFd = fd;
  }
  const n = <usize>strLength(s);
  for (let i: usize = 0; i < n; i++) {
    const c = strCodePoint(s, i);
    if (c < 0x80) {
      putByte(c);
    } else if (c < 0x800) {
      putByte(0xc0 | (c >> 6));
      putByte(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      putByte(0xe0 | (c >> 12));
      putByte(0x80 | ((c >> 6) & 0x3f));
      putByte(0x80 | (c & 0x3f));
    } else {
      putByte(0xf0 | (c >> 18));
      putByte(0x80 | ((c >> 12) & 0x3f));
      putByte(0x80 | ((c >> 6) & 0x3f));
      putByte(0x80 | (c & 0x3f));
    }
  }
  // stderr is unbuffered in CPython; keep it so (a crash must not lose a traceback).
  if (fd == 2) flushOut();
}

/** Writes raw UTF-8 bytes (already encoded) to fd. */
export function writeBytes(fd: i32, ptr: usize, n: usize): void {
  if (fd != outFd) {
    flushOut();
    outFd = fd;
  }
  for (let i: usize = 0; i < n; i++) putByte(<u32>load<u8>(ptr + i));
  if (fd == 2) flushOut();
}

/** Writes an ASCII literal. */
export function writeAsciiLiteral(fd: i32, s: string): void {
  if (fd != outFd) {
    flushOut();
    outFd = fd;
  }
  for (let i = 0; i < s.length; i++) putByte(<u32>s.charCodeAt(i));
  if (fd == 2) flushOut();
}

const IN_CAP: usize = 1 << 16;
const IN: usize = memory.data(<i32>IN_CAP, 8);

/** A line from stdin without its newline as a new str, or 0 at end of input (no exception). */
export function readLine(): usize {
  flushOut();
  const n = hostReadLine(IN, IN_CAP);
  if (n < 0) return 0;
  let len = <usize>n;
  if (len > 0 && load<u8>(IN + len - 1) == 10) len--;
  const s = strFromUtf8(IN, len);
  if (s == 0) raiseMemory();
  return s;
}
