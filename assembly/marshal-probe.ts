/**
 * The first step of the WASM VM's unmarshaller: reads a marshalled int (TYPE_INT, TYPE_LONG that fits
 * in 63 bits) or a tuple of them from linear memory and returns their sum. It proves the build, the
 * instantiation and the (pointer, length) data path from the host; issue 3 replaces it with the full
 * reader. Errors come back as negative status codes through `probeStatus()`, never as traps.
 */

// marshal type codes (Python/marshal.c, version 4)
const TYPE_INT: u8 = 0x69; // 'i'
const TYPE_LONG: u8 = 0x6c; // 'l'
const TYPE_TUPLE: u8 = 0x28; // '('
const TYPE_SMALL_TUPLE: u8 = 0x29; // ')'
const FLAG_REF: u8 = 0x80;

export const STATUS_OK: i32 = 0;
export const STATUS_EOF: i32 = -1;
export const STATUS_BAD_TYPE: i32 = -2;
export const STATUS_OVERFLOW: i32 = -3;

let status: i32 = STATUS_OK;
let pos: usize = 0;
let limit: usize = 0;

function fail(code: i32): i64 {
  if (status == STATUS_OK) status = code;
  return 0;
}

function readInt32(): i64 {
  if (pos + 4 > limit) return fail(STATUS_EOF);
  const v = load<i32>(pos); // wasm is little-endian, as marshal's 32-bit ints are
  pos += 4;
  return <i64>v;
}

/** TYPE_LONG: a signed digit count, then base-2**15 digits, least significant first. */
function readLong(): i64 {
  const n = readInt32();
  if (status != STATUS_OK) return 0;
  const count = n < 0 ? -n : n;
  if (count > 4) return fail(STATUS_OVERFLOW); // 4 digits = 60 bits: enough for the probe
  if (pos + <usize>(count * 2) > limit) return fail(STATUS_EOF);
  let value: i64 = 0;
  for (let i: i64 = count - 1; i >= 0; i--) {
    value = (value << 15) | <i64>load<u16>(pos + <usize>(i * 2));
  }
  pos += <usize>(count * 2);
  return n < 0 ? -value : value;
}

function readIntObject(): i64 {
  if (pos >= limit) return fail(STATUS_EOF);
  const code = load<u8>(pos++) & ~FLAG_REF;
  if (code == TYPE_INT) return readInt32();
  if (code == TYPE_LONG) return readLong();
  return fail(STATUS_BAD_TYPE);
}

/** Sum of a marshalled int or tuple of ints at [ptr, ptr+len). Check probeStatus() afterwards. */
export function probeMarshalSum(ptr: usize, len: usize): i64 {
  status = STATUS_OK;
  pos = ptr;
  limit = ptr + len;
  if (pos >= limit) return fail(STATUS_EOF);
  const code = load<u8>(pos) & ~FLAG_REF;
  if (code != TYPE_TUPLE && code != TYPE_SMALL_TUPLE) return readIntObject();
  pos++;
  let count: i64;
  if (code == TYPE_SMALL_TUPLE) {
    if (pos >= limit) return fail(STATUS_EOF);
    count = <i64>load<u8>(pos++);
  } else {
    count = readInt32();
  }
  let sum: i64 = 0;
  for (let i: i64 = 0; i < count && status == STATUS_OK; i++) sum += readIntObject();
  return sum;
}

export function probeStatus(): i32 {
  return status;
}
