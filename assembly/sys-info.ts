/**
 * sys's struct sequences (structseq.ts): version_info, float_info, int_info, hash_info, flags,
 * thread_info — CPython 3.11.7's values on 64-bit Linux, as `python3.11` with PYTHONHASHSEED=0
 * shows them — and sys.implementation (a types.SimpleNamespace).
 */
import { Value, NONE, TRUE, FALSE, makeSmallInt } from "./values";
import { tupleSetItem } from "./tuple";
import { dictSetItem } from "./dict";
import { strLiteral } from "./names";
import { floatNew } from "./float";
import { intFromI64 } from "./int";
import { structseqNewType, structseqNew } from "./structseq";
import { namespaceNew, namespaceDict } from "./mod-types";

const VERSION_FIELDS: StaticArray<string> = ["major", "minor", "micro", "releaselevel", "serial"];
const FLOAT_FIELDS: StaticArray<string> = ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"];
const INT_FIELDS: StaticArray<string> = ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"];
const HASH_FIELDS: StaticArray<string> = ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"];
const FLAG_FIELDS: StaticArray<string> = [
  "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
  "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
  "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
];
const THREAD_FIELDS: StaticArray<string> = ["name", "lock", "version"];

/** Items being gathered for the next struct-sequence value (no managed arrays at run time). */
const ITEMS: usize = memory.data(32 * 8, 8);
let count: i32 = 0;
function put(v: Value): void {
  store<u64>(ITEMS + (<usize>count << 3), v);
  count++;
}

/** A struct-sequence value: a new type `sys.name` and its one instance with the gathered items. */
function make(name: string, fields: StaticArray<string>): Value {
  const t = structseqNewType("sys", name, fields);
  const v = structseqNew(t, <usize>count);
  for (let k = 0; k < count; k++) tupleSetItem(v, <usize>k, load<u64>(ITEMS + (<usize>k << 3)));
  count = 0;
  return <u64>v;
}

function s(text: string): Value {
  return <u64>strLiteral(text);
}
function i(n: i64): Value {
  return makeSmallInt(n);
}
function set(d: usize, name: string, v: Value): void {
  dictSetItem(d, <u64>strLiteral(name), v);
}

/** Start-up: adds the struct sequences and sys.implementation to sys's dict `d`. */
export function addSysInfo(d: usize): void {
  put(i(3)); put(i(11)); put(i(7)); put(s("final")); put(i(0));
  const version = make("version_info", VERSION_FIELDS);
  set(d, "version_info", version);
  put(<u64>floatNew(1.7976931348623157e308)); put(i(1024)); put(i(308));
  put(<u64>floatNew(2.2250738585072014e-308)); put(i(-1021)); put(i(-307));
  put(i(15)); put(i(53)); put(<u64>floatNew(2.220446049250313e-16)); put(i(2)); put(i(1));
  set(d, "float_info", make("float_info", FLOAT_FIELDS));
  put(i(30)); put(i(4)); put(i(4300)); put(i(640));
  set(d, "int_info", make("int_info", INT_FIELDS));
  put(i(64)); put(<u64>intFromI64(0x1fffffffffffffff)); put(i(314159)); put(i(0)); put(i(1000003));
  put(s("siphash13")); put(i(64)); put(i(128)); put(i(0));
  set(d, "hash_info", make("hash_info", HASH_FIELDS));
  for (let k = 0; k < 13; k++) put(i(0));
  put(FALSE); put(i(0)); put(i(0)); put(FALSE); put(i(-1));
  set(d, "flags", make("flags", FLAG_FIELDS));
  put(s("pthread")); put(s("semaphore")); put(s("NPTL 2.36"));
  set(d, "thread_info", make("thread_info", THREAD_FIELDS));
  // sys.implementation: a SimpleNamespace.
  const ns = namespaceNew();
  if (ns == 0) return;
  const nd = namespaceDict(ns);
  set(nd, "name", s("cpython"));
  set(nd, "cache_tag", s("cpython-311"));
  set(nd, "version", version);
  set(nd, "hexversion", i(0x30b07f0));
  set(nd, "_multiarch", s("x86_64-linux-gnu"));
  set(d, "implementation", <u64>ns);
  moduleAddFunction(d, "getdefaultencoding", getdefaultencoding);
  moduleAddFunction(d, "getfilesystemencoding", getdefaultencoding);
}

let utf8Name: usize = 0; // immortal, made once
function getdefaultencoding(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("getdefaultencoding", nargs, 0, 0)) return NULL;
  if (utf8Name == 0) utf8Name = strLiteral("utf-8");
  return <u64>utf8Name;
}
import { moduleAddFunction } from "./function";
import { checkArgCount } from "./native";
import { NULL } from "./values";

export { NONE, TRUE };
