/**
 * The VM's calls into its host, all through one import, `env.host(op, a..i): f64`.
 *
 * Why one: V8 compiles a wasm-to-JS wrapper with TurboFan for each distinct import signature when
 * it compiles the module, and ten imports had nine signatures. Measured (fresh processes, a module
 * with only imports): 9 signatures cost ~1.5 ms more to compile and ~0.6 ms more to instantiate
 * than 1, out of a ~20 ms start-up. None of these calls is hot (writes go out in 64 KiB buffers).
 *
 * The operation numbers are host/host-import.ts HostOp's (test/wasm-loader.test.ts compares the two).
 * Arguments are i32 (addresses as unsigned bit patterns); the result is an f64 that holds the
 * operation's i32 or f64 answer.
 */

// @ts-ignore: decorator
@external("env", "host")
declare function host(op: i32, a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i32, h: i32, i: i32): f64;

export const HOST_ABORT: i32 = 0;
export const HOST_WRITE: i32 = 1;
export const HOST_READ_LINE: i32 = 2;
export const HOST_TB_RECORD: i32 = 3;
export const HOST_CLOCK_NOW: i32 = 4;
export const HOST_FIND_MODULE: i32 = 5;
export const HOST_FETCH_MODULE: i32 = 6;
export const HOST_POLL_INTERRUPT: i32 = 7;
export const HOST_COMPILE_SOURCE: i32 = 8;
export const HOST_FETCH_COMPILED: i32 = 9;

/** AssemblyScript's abort hook (asconfig `use`: abort=assembly/host/hostAbort): the host throws. */
export function hostAbort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  host(HOST_ABORT, <i32>changetype<usize>(message), <i32>changetype<usize>(fileName), <i32>line, <i32>column, 0, 0, 0, 0, 0);
  unreachable();
}

/** Writes len UTF-8 bytes at ptr to stream fd (1 stdout, 2 stderr). */
export function hostWrite(fd: i32, ptr: usize, len: usize): void {
  host(HOST_WRITE, fd, <i32>ptr, <i32>len, 0, 0, 0, 0, 0, 0);
}

/** One line of stdin (without its newline) into [ptr, ptr + cap): its length, or -1 at end of input. */
export function hostReadLine(ptr: usize, cap: usize): i32 {
  return <i32>host(HOST_READ_LINE, <i32>ptr, <i32>cap, 0, 0, 0, 0, 0, 0, 0);
}

/** A traceback record (assembly/traceback.ts): kind, two UTF-8 strings, four numbers. */
export function tbRecord(kind: i32, p1: usize, l1: usize, p2: usize, l2: usize, a: i32, b: i32, c: i32, d: i32): void {
  host(HOST_TB_RECORD, kind, <i32>p1, <i32>l1, <i32>p2, <i32>l2, a, b, c, d);
}

/** Seconds: 0 wall clock (since the epoch), 1 monotonic. */
export function clockNow(kind: i32): f64 {
  return host(HOST_CLOCK_NOW, kind, 0, 0, 0, 0, 0, 0, 0, 0);
}

/** A module that is not native: the byte length of its record (fetched with hostFetchModule), or -1. */
export function hostFindModule(namePtr: usize, nameLen: usize, mainPtr: usize, mainLen: usize): i32 {
  return <i32>host(HOST_FIND_MODULE, <i32>namePtr, <i32>nameLen, <i32>mainPtr, <i32>mainLen, 0, 0, 0, 0, 0);
}

export function hostFetchModule(dst: usize): void {
  host(HOST_FETCH_MODULE, <i32>dst, 0, 0, 0, 0, 0, 0, 0, 0);
}

/** Nonzero: deliver KeyboardInterrupt (asked while Python code runs under native code). */
export function hostPollInterrupt(): i32 {
  return <i32>host(HOST_POLL_INTERRUPT, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/** compile()/exec()/eval() of source: the byte length of the result record (hostFetchCompiled), or -1. */
export function hostCompileSource(srcPtr: usize, srcLen: usize, namePtr: usize, nameLen: usize, mode: i32, flags: i32, optimize: i32): i32 {
  return <i32>host(HOST_COMPILE_SOURCE, <i32>srcPtr, <i32>srcLen, <i32>namePtr, <i32>nameLen, mode, flags, optimize, 0, 0);
}

export function hostFetchCompiled(dst: usize): void {
  host(HOST_FETCH_COMPILED, <i32>dst, 0, 0, 0, 0, 0, 0, 0, 0);
}
