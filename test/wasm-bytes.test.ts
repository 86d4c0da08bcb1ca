// bytes operations and methods (assembly/bytes-ops.ts) and the builtin iterators (assembly/itertools.ts:
// enumerate, zip, map, filter, reversed, iter(callable, sentinel)) against python3.11. One python batch
// generates random cases with their results or exception types and messages; every case runs through
// build/test-entries/bytes.wasm and must agree. Ends with a leak check (heapBytesInUse back to its
// start value). PYVM_BYTES_WASM overrides the wasm path.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonJson } from "./support/python.js";
import { testEnv } from "./support/wasm-env.js";

type Desc =
  | { s: string }
  | { i: number | string }
  | { n: null }
  | { b: boolean }
  | { t: Desc[] }
  | { l: Desc[] }
  | { y: string }
  | { r: [number, number, number] }
  | { sl: [Desc, Desc, Desc] }
  | { f: string }
  | { T: string }
  | { it: Desc }
  | { e: string; m: string };

interface Case {
  op: string;
  self?: Desc | null;
  args: Desc[];
  kw: [string, Desc][];
  want: Desc;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let W: any;
let mem: () => Uint8Array;
let dv: () => DataView;
const EXC_NAMES = new Map<number, string>();
const CALLABLES = ["neg", "add", "odd", "counter", "stopper", "boom"];
const callableObjs = new Map<string, bigint>();

const NONE = 0x02n;
const FALSE = 0x0an;
const TRUE = 0x12n;
const KIND_NONE = 2,
  KIND_BOOL = 3,
  KIND_INT = 4,
  KIND_STR = 7,
  KIND_BYTES = 8,
  KIND_TUPLE = 9,
  KIND_LIST = 10;

const u64 = (x: bigint) => BigInt.asUintN(64, x);
const small = (n: bigint) => u64((n << 1n) | 1n);

function hexToBytes(h: string): Uint8Array {
  return Uint8Array.from(Buffer.from(h, "hex"));
}

/** Copies bytes into a fresh heap block, runs f(ptr, n), frees the block. */
function withBlock<T>(bytes: Uint8Array, f: (p: number, n: number) => T): T {
  const n = bytes.length;
  const p = W.heapAlloc(Math.max(n, 1));
  mem().set(bytes, p);
  const r = f(p, n);
  W.heapFree(p, Math.max(n, 1));
  return r;
}

function mkStr(bytes: Uint8Array): number {
  const s = withBlock(bytes, (p, n) => W.strFromUtf8(p, n));
  if (s === 0) throw new Error("strFromUtf8 failed");
  return s;
}

function jsStr(s: string): number {
  return mkStr(new TextEncoder().encode(s));
}

function strHex(p: number): string {
  const n = W.strUtf8Length(p);
  const buf = W.heapAlloc(Math.max(n, 1));
  W.strWriteUtf8(p, buf);
  const h = Buffer.from(mem().slice(buf, buf + n)).toString("hex");
  W.heapFree(buf, Math.max(n, 1));
  return h;
}

function bigIntValue(n: bigint): bigint {
  if (n >= -(1n << 62n) && n < 1n << 62n) return small(n);
  let m = n < 0n ? -n : n;
  const digits: number[] = [];
  while (m > 0n) {
    digits.push(Number(m & 0x7fffn));
    m >>= 15n;
  }
  const p = W.heapAlloc(digits.length * 2);
  digits.forEach((x, i) => dv().setUint16(p + 2 * i, x, true));
  const v = u64(BigInt(W.intFromDigits15(p, digits.length, n < 0n)));
  W.heapFree(p, digits.length * 2);
  return v;
}

/** A wasm Value (new reference) from a description. */
function toWasm(d: Desc): bigint {
  if ("s" in d) return BigInt(mkStr(hexToBytes(d.s)));
  if ("y" in d) {
    const b = withBlock(hexToBytes(d.y), (p, n) => W.bytesFromMemory(p, n));
    if (b === 0) throw new Error("bytesFromMemory failed");
    return BigInt(b);
  }
  if ("i" in d) return bigIntValue(BigInt(d.i));
  if ("n" in d) return NONE;
  if ("b" in d) return d.b ? TRUE : FALSE;
  if ("t" in d) {
    const t = W.tupleNew(d.t.length);
    d.t.forEach((x, i) => W.tupleSet(t, i, toWasm(x)));
    return BigInt(t);
  }
  if ("l" in d) {
    const l = W.listNew();
    for (const x of d.l) W.listAppend(l, toWasm(x));
    return BigInt(l);
  }
  if ("r" in d) return u64(BigInt(W.rangeFromI64(BigInt(d.r[0]), BigInt(d.r[1]), BigInt(d.r[2]))));
  if ("sl" in d) {
    const [a, b, c] = d.sl.map(toWasm);
    const s = u64(BigInt(W.sliceNew(a, b, c)));
    [a, b, c].forEach((v) => W.valueDecref(v));
    return s;
  }
  if ("f" in d) {
    const v = callableObjs.get(d.f)!;
    W.valueIncref(v);
    return v;
  }
  if ("T" in d) return BigInt(d.T === "bool" ? W.boolType() : W.bytesType());
  if ("it" in d) {
    const inner = toWasm(d.it);
    const it = u64(BigInt(W.iterOf(inner)));
    W.valueDecref(inner);
    return it;
  }
  throw new Error(`cannot build ${JSON.stringify(d)}`);
}

function bigFromWasm(p: number): string {
  const nd = dv().getUint32(p + 8, true);
  const sign = dv().getInt32(p + 12, true);
  let m = 0n;
  for (let i = nd - 1; i >= 0; i--) m = (m << 30n) | BigInt(dv().getUint32(p + 16 + 4 * i, true));
  return (sign < 0 ? -m : m).toString();
}

function fromWasm(v: bigint): Desc {
  v = u64(v);
  const kind = W.valueKind(v);
  if (kind === KIND_INT && (v & 1n) === 1n) {
    const n = BigInt.asIntN(64, v) >> 1n;
    return { i: n > -(2n ** 53n) && n < 2n ** 53n ? Number(n) : n.toString() };
  }
  if (kind === KIND_BOOL) return { b: v === TRUE };
  if (kind === KIND_NONE) return { n: null };
  const p = Number(v);
  if (kind === KIND_INT) {
    const s = bigFromWasm(p);
    return { i: Math.abs(Number(s)) < 2 ** 53 ? Number(s) : s };
  }
  if (kind === KIND_STR) return { s: strHex(p) };
  if (kind === KIND_BYTES) {
    const n = W.bytesLen(p);
    const d = W.bytesPtr(p);
    return { y: Buffer.from(mem().slice(d, d + n)).toString("hex") };
  }
  if (kind === KIND_TUPLE || kind === KIND_LIST) {
    const items: Desc[] = [];
    for (let i = 0; i < W.seqSize(v); i++) items.push(fromWasm(W.seqItem(v, i)));
    return kind === KIND_TUPLE ? { t: items } : { l: items };
  }
  return { e: `kind ${kind}`, m: "" };
}

function takeError(): Desc {
  const t = W.errorType();
  const p = W.errorMessagePtr();
  const n = W.errorMessageLength();
  const m = Buffer.from(mem().slice(p, p + n)).toString("utf8");
  const out: Desc = { e: EXC_NAMES.get(t) ?? `#${t}`, m };
  W.errorClear();
  return out;
}

const NATIVE: Record<string, number> = { enumerate: 0, zip: 1, map: 2, filter: 3, reversed: 4, bytes: 5 };

/** Runs one case; returns the result description (releasing everything it made). */
function run(c: Case): Desc {
  W.resetCalls();
  const self = c.self ? toWasm(c.self) : 0n;
  const vals = [...c.args, ...c.kw.map(([, v]) => v)].map(toWasm);
  const S = Number(self);
  const A = (i: number) => vals[i];
  const P = (i: number) => Number(vals[i]);
  let res: bigint;
  const intArg = (i: number) => BigInt((c.args[i] as { i: number }).i);
  switch (c.op) {
    case "@concat":
      res = W.bytesConcat(S, P(0));
      break;
    case "@repeat":
      res = W.bytesRepeat(S, intArg(0));
      break;
    case "@getitem":
      res = W.bytesSubscript(S, A(0));
      break;
    case "@contains": {
      const r = W.bytesContains(S, A(0));
      res = r < 0 ? 0n : r ? TRUE : FALSE;
      break;
    }
    case "@compare":
      res = small(BigInt(W.bytesCompare(S, P(0))));
      break;
    case "@repr":
      res = BigInt(W.bytesRepr(S));
      break;
    case "@iter": {
      const it = u64(BigInt(W.bytesIterNew(S)));
      res = it === 0n ? 0n : u64(BigInt(W.drain(it, false)));
      if (it !== 0n) W.valueDecref(it);
      break;
    }
    case "@bytes":
      res = W.bytesFromValue(A(0));
      break;
    case "iter2": {
      const it = u64(BigInt(W.callableIterNew(A(0), A(1))));
      res = it === 0n ? 0n : u64(BigInt(W.drain(it, true)));
      if (it !== 0n) W.valueDecref(it);
      break;
    }
    default: {
      const t = W.tupleNew(vals.length);
      vals.forEach((v, i) => W.tupleSet(t, i, v));
      const kn = W.tupleNew(c.kw.length);
      c.kw.forEach(([k], i) => W.tupleSet(kn, i, BigInt(jsStr(k))));
      if (c.op in NATIVE) {
        res = u64(BigInt(W.callNative(NATIVE[c.op], t, c.args.length, kn)));
        if (res !== 0n && c.op !== "bytes") {
          const it = res;
          res = u64(BigInt(W.drain(it, false)));
          W.valueDecref(it);
        }
      } else {
        const name = jsStr(c.op);
        res = W.callMethod(name, self, t, c.args.length, kn);
        W.valueDecref(BigInt(name));
      }
      W.valueDecref(BigInt(t));
      W.valueDecref(BigInt(kn));
      vals.length = 0; // the tuple owned them
    }
  }
  const r = u64(BigInt(res));
  const out = r === 0n ? takeError() : fromWasm(r);
  if (r !== 0n) W.valueDecref(r);
  if (W.errorType() !== 0) W.errorClear();
  for (const v of vals) W.valueDecref(v);
  if (self !== 0n) W.valueDecref(self);
  return out;
}

const GEN = String.raw`
import json, random, sys
random.seed(int(sys.argv[1]))
def enc(v):
    if isinstance(v, bool): return {"b": v}
    if v is None: return {"n": None}
    if isinstance(v, int): return {"i": v if abs(v) < 2**53 else str(v)}
    if isinstance(v, str): return {"s": v.encode("utf-8", "surrogatepass").hex()}
    if isinstance(v, bytes): return {"y": v.hex()}
    if isinstance(v, tuple): return {"t": [enc(x) for x in v]}
    if isinstance(v, list): return {"l": [enc(x) for x in v]}
    if isinstance(v, range): return {"r": [v.start, v.stop, v.step]}
    if isinstance(v, slice): return {"sl": [enc(v.start), enc(v.stop), enc(v.step)]}
    if isinstance(v, Fn): return {"f": v.name}
    if v is bool: return {"T": "bool"}
    if v is bytes: return {"T": "bytes"}
    if isinstance(v, It): return {"it": enc(v.seq)}
    raise TypeError(type(v))

class It:
    def __init__(self, seq): self.seq = seq
    def make(self): return iter(self.seq)
def real(v): return v.make() if isinstance(v, It) else v

calls = 0
class Fn:
    def __init__(self, name, f): self.name, self.f = name, f
    def __call__(self, *a): return self.f(*a)
def neg(*a):
    if len(a) != 1: raise TypeError("neg() takes 1 argument")
    if type(a[0]) is not int: raise TypeError("bad operand type for unary -")
    return -a[0]
def add(*a):
    if any(type(x) is not int for x in a): raise TypeError("unsupported operand type(s) for +")
    return sum(a)
def odd(x):
    if type(x) is not int: raise TypeError("unsupported operand type(s) for &")
    return x & 1
def counter():
    global calls
    calls += 1
    return calls - 1
def stopper():
    global calls
    if calls >= 3: raise StopIteration
    calls += 1
    return calls - 1
def boom(*a):
    global calls
    calls += 1
    if calls > 2: raise ValueError("boom")
    return calls
F = {n: Fn(n, f) for n, f in [("neg", neg), ("add", add), ("odd", odd), ("counter", counter), ("stopper", stopper), ("boom", boom)]}

cases = []
def add_case(op, self, args=(), kw=()):
    global calls
    calls = 0
    try:
        a = [real(x) for x in args]
        k = {n: real(x) for n, x in kw}
        if op == "@concat": r = self + a[0]
        elif op == "@repeat": r = self * a[0]
        elif op == "@getitem": r = self[a[0]]
        elif op == "@contains": r = a[0] in self
        elif op == "@compare": r = (self > a[0]) - (self < a[0])
        elif op == "@repr": r = repr(self)
        elif op == "@iter": r = list(iter(self))
        elif op == "@bytes": r = bytes(a[0])
        elif op == "bytes": r = bytes(*a, **k)
        elif op == "iter2": r = list(iter(*a))
        elif op in ("enumerate", "zip", "map", "filter", "reversed"):
            r = list({"enumerate": enumerate, "zip": zip, "map": map, "filter": filter, "reversed": reversed}[op](*a, **k))
        elif op == "fromhex": r = bytes.fromhex(*a, **k)
        else: r = getattr(bytes, op)(self, *a, **k)
        want = enc(r)
    except Exception as e:
        want = {"e": type(e).__name__, "m": str(e)}
    cases.append({"op": op, "self": enc(self) if self is not None else None, "args": [enc(x) for x in args], "kw": [[n, enc(x)] for n, x in kw], "want": want})

POOLS = [b"abc ABC xyz", b"ab \t\n\r\x0b\x0c\x1c\x1f", bytes(range(256)), b"aaab", b"'\"\\\\ab", b"\x80\xff\xe2\x82\xac\xed\xa0\x80\xf0\x9f\x98\x80\xc3\xa9 a", b"0123456789abcdefABCDEF ", b"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80ab"]
def rb(maxlen=12, pool=None):
    p = pool or random.choice(POOLS)
    return bytes(random.choice(p) for _ in range(random.randint(0, maxlen)))
def sub_of(s):
    if s and random.random() < 0.7:
        i = random.randint(0, len(s)); j = random.randint(i, min(len(s), i + 4))
        return s[i:j]
    return rb(3)
def idx():
    return random.choice([None, 0, 1, 2, -1, -3, 5, 100, -100, 2**70, -2**70])
def sidx():
    return random.choice([None, random.randint(-15, 15), 2**70, -2**70])

for _ in range(150):
    s = rb(); t = rb()
    add_case("@concat", s, (t,))
    add_case("@repeat", s, (random.randint(-2, 5),))
    add_case("@getitem", s, (random.randint(-len(s) - 2, len(s) + 2),))
    add_case("@getitem", s, (slice(sidx(), sidx(), random.choice([None, 1, 2, 3, -1, -2, -5])),))
    add_case("@contains", s, (random.choice([sub_of(s), random.randint(-2, 257), s[:1], b""]),))
    add_case("@compare", s, (random.choice([t, s, s + b"a", s[:-1], s[:-1] + b"\xff"]),))
    add_case("@repr", s)
    add_case("@iter", s)
for s, k in [(b"abc", "a"), (b"abc", None), (b"abc", 2**70), (b"abc", -2**70), (b"abc", True), (b"abc", slice(0, 3, 0)), (b"abc", slice("a", None, None)), (b"abc", [1]), (b"abc", slice(None, None, None)), (b"", 0)]:
    add_case("@getitem", s, (k,))
for s, k in [(b"abc", "a"), (b"abc", 256), (b"abc", -1), (b"abc", 2**70), (b"abc", -2**70), (b"\x01", True), (b"abc", None), (b"abc", [97]), (b"", b""), (b"abc", b"bc")]:
    add_case("@contains", s, (k,))
add_case("@repeat", b"ab", (2**62,)); add_case("@repeat", b"", (2**62,)); add_case("@repeat", b"a", (1,)); add_case("@repeat", b"ab", (2**61,))
for x in [0, 5, -1, 2**70, -2**70, True, False, [1, 2, 255], [256], [-1], ["a"], [2**70], [True], (1, 2), (), range(3), range(250, 260), b"xy", "abc", None, 1.5 if False else None, It([65, 66]), It([300]), It([]), It(b"q")]:
    add_case("@bytes", None, (x,))
for a, kw in [((), ()), (("abc", "utf-8"), ()), (("é", "ascii"), ()), (("é", "ascii", "replace"), ()), ((b"a", "utf-8"), ()), ((1, "utf-8"), ()), ((1,), [("errors", "strict")]), ((1, 2), ()), ((), [("x", 1)]), ((), [("source", b"x")]),
              ((b"x",), [("encoding", 1)]), (("x",), [("encoding", "latin-1"), ("errors", 5)]), ((1, 2, 3, 4), ()), ((), [("encoding", "utf-8")]), (("a", "utf-8", "strict"), [("errors", "x")]), (([1, 2],), ()), (("é",), [("encoding", "latin-1")])]:
    add_case("bytes", None, a, kw)

ENCS = ["utf-8", "utf8", "UTF-8", " utf_8 ", "u8", "ascii", "us-ascii", "646", "latin-1", "latin1", "iso-8859-1", "L1", "cp819", "8859", "utf8_ucs2", "bogus", "utf.8", "UTF--8", "Latin_1", "iso.8859.1", "é"]
ERRS = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass", "xmlcharrefreplace", "namereplace", "bogus"]
for _ in range(250):
    s = rb(16, random.choice([POOLS[5], POOLS[7], POOLS[2], POOLS[0]]))
    add_case("decode", s)
    add_case("decode", s, (random.choice(ENCS),))
    add_case("decode", s, (random.choice(ENCS[:14]), random.choice(ERRS)))
    add_case("decode", s, (), [("errors", random.choice(ERRS))])
for s in [b"\xed\xa0\x80", b"\xed\xa0", b"\xf4\x90\x80\x80", b"\xc0\x80", b"\xe2\x82", b"a\xe2\x82", b"\xf0\x90\x80", b"\xf0\x90\x80a", b"\xe0\x80\x80", b"\xf5", b"\xef\xbf\xbf", b"\xf4\x8f\xbf\xbf", b"\xe2\x82\xe2\x82\xac", b"\xff\xfe"]:
    for e in ["strict", "replace", "ignore", "backslashreplace", "surrogatepass", "surrogateescape"]:
        add_case("decode", s, ("utf-8", e))
for a, kw in [((1,), ()), ((), [("errors", 1)]), (("utf-8", "strict", 1), ()), ((), [("x", 1)]), (("utf-8",), [("encoding", "utf-8")]), ((), [("encoding", "latin1"), ("errors", "ignore")])]:
    add_case("decode", b"ab", a, kw)

SEPS = [":", "-", b"_", "::", b"", "\xe9", b"\xff", 1, [1], [1, 2], None, "\u0100"]
for _ in range(80):
    s = rb(9)
    add_case("hex", s)
    add_case("hex", s, (random.choice(SEPS),))
    add_case("hex", s, (random.choice(SEPS[:3]), random.choice([1, 2, 3, -1, -2, -3, 0, 10, -10, 2**40, "a", True])))
    add_case("hex", s, (), [("bytes_per_sep", 2)])
add_case("hex", b"abc", (), [("x", 1)]); add_case("hex", b"abc", (":", 1, 2)); add_case("hex", b"abc", (), [("sep", "-"), ("bytes_per_sep", -1)])
for h in ["", "ab cd", "ab c", "abx", " a", "a ", "0A fF\t\n10", "ab\u00e9", "zz\u00e9", "\x0b01", "01 \x0c 02", "01\x1c02", "01 02 ", "0", "\u0100", "  ", "a\U0001f600"]:
    add_case("fromhex", None, (h,))
add_case("fromhex", None, (b"ab",)); add_case("fromhex", None, ()); add_case("fromhex", None, (), [("string", "01")]); add_case("fromhex", None, ("01", "02"))

for _ in range(150):
    s = rb(14)
    n = sub_of(s)
    for m in ["find", "rfind", "index", "rindex", "count"]:
        sub = random.choice([n, n, n[:1] and n[0], random.randint(-1, 256)])
        r = random.random()
        if r < 0.4: add_case(m, s, (sub,))
        elif r < 0.7: add_case(m, s, (sub, idx()))
        else: add_case(m, s, (sub, idx(), idx()))
    for m in ["startswith", "endswith"]:
        r = random.random()
        x = random.choice([n, (n, rb(2)), (rb(2), n), ()])
        if r < 0.5: add_case(m, s, (x,))
        else: add_case(m, s, (x, idx(), idx()))
    ms = random.choice([-1, 0, 1, 2, 5])
    add_case("split", s, (n or None, ms)); add_case("rsplit", s, (), [("sep", n or None), ("maxsplit", ms)])
    add_case("split", s); add_case("rsplit", s); add_case("split", s, (None, ms)); add_case("rsplit", s, (None, ms))
    add_case("strip", s); add_case("lstrip", s); add_case("rstrip", s)
    add_case("strip", s, (n,)); add_case("lstrip", s, (n,)); add_case("rstrip", s, (None,))
    add_case("replace", s, (n, rb(3), random.choice([-1, 0, 1, 2]))); add_case("replace", s, (n, rb(2)))
    add_case("partition", s, (n,)); add_case("rpartition", s, (n,))
    add_case("removeprefix", s, (n,)); add_case("removesuffix", s, (n,))
    for m in ["upper", "lower", "swapcase", "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper", "isascii"]:
        add_case(m, s)
    add_case("join", rb(2), (random.choice([[rb(3) for _ in range(random.randint(0, 4))], tuple(rb(3) for _ in range(3)), It([rb(2), rb(2)])]),))
S = b"a b"
for m, a, kw in [("split", ("a",), ()), ("split", (b"",), ()), ("rsplit", (b"",), ()), ("split", (1,), ()), ("split", (), [("maxsplit", "a")]), ("split", (), [("x", 1)]), ("split", (b"b", 1, 2), ()),
    ("split", (b"b",), [("sep", b"c")]), ("split", (b"b", 2**70), ()), ("split", (), [("maxsplit", True)]),
    ("find", ("a",), ()), ("find", (256,), ()), ("find", (), ()), ("find", (b"a",), [("x", 1)]), ("find", (b"a", "x"), ()), ("find", (b"a", 1, 2, 3), ()), ("index", (b"x",), ()), ("rindex", (b"x",), ()), ("count", ("a",), ()), ("count", (b"a",), [("x", 1)]),
    ("startswith", ("a",), ()), ("startswith", ((b"x", "a"),), ()), ("startswith", (b"a", "x"), ()), ("startswith", (), ()), ("endswith", (1,), ()), ("startswith", (b"a",), [("x", 1)]), ("startswith", ((b"a",), 1, 2, 3), ()),
    ("join", ([b"a", "b"],), ()), ("join", ([b"a", 1],), ()), ("join", (1,), ()), ("join", (), ()), ("join", ([],), [("x", 1)]),
    ("strip", ("a",), ()), ("strip", (1,), ()), ("strip", (b"a", b"b"), ()), ("strip", (), [("chars", b"a")]), ("lstrip", (1,), ()),
    ("replace", ("a", b"b"), ()), ("replace", (b"a", "b"), ()), ("replace", (b"a", b"b", "c"), ()), ("replace", (b"a",), ()), ("replace", (b"", b"-"), ()), ("replace", (b"", b"-", 2), ()), ("replace", (b"", b""), ()), ("replace", (b"a", b"b"), [("x", 1)]),
    ("upper", (1,), ()), ("upper", (), [("x", 1)]), ("isdigit", (1,), ()), ("partition", (b"",), ()), ("partition", ("a",), ()), ("rpartition", (), ()), ("removeprefix", (1,), ()), ("removesuffix", (), ())]:
    add_case(m, S, a, kw)

# builtin iterators
SEQS = [[1, 2, 3], (4, 5), [], b"xyz", "ab\u00e9", range(3), range(10, 0, -3), It([7, 8, 9]), [1, "a", 3]]
for _ in range(40):
    q = random.choice(SEQS)
    add_case("enumerate", None, (q,))
    add_case("enumerate", None, (q, random.choice([0, 5, -3, 2**62 - 2, -2**62 - 1, 2**70, -2**70 - 1, 2**63 - 2, -2**63 - 1, -2**90 + 1, 2**90 - 2, True])))
    add_case("enumerate", None, (q,), [("start", random.randint(-5, 5))])
    k = random.randint(0, 3)
    its = tuple(random.choice(SEQS[:7]) for _ in range(k))
    add_case("zip", None, its)
    add_case("zip", None, its, [("strict", random.choice([True, False, 0, 1, None, [1], []]))])
    add_case("map", None, (F["neg"], random.choice(SEQS)))
    add_case("map", None, (F["add"],) + tuple(random.choice([[1, 2, 3], (4, 5), range(4), b"ab", [10, 20, 30, 40]]) for _ in range(random.randint(1, 3))))
    add_case("filter", None, (random.choice([None, bool, F["odd"]]), random.choice(SEQS)))
    add_case("reversed", None, (random.choice(SEQS[:7] + [1, None]),))
for a, kw in [((), ()), (([], 1, 2), ()), ((), [("x", 1)]), (([],), [("start", 1), ("x", 2)]), ((), [("iterable", [1]), ("start", 5)]), ((), [("start", 5), ("iterable", [1, 2])]), (([1],), [("iterable", [2])]),
              (([1], 2), [("start", 3)]), ((), [("iterable", [1]), ("x", 2)]), (([1],), [("x", 2)]), ((1, "a"), ()), (([1], None), ()), (([1], "a"), ()), ((1,), ()), ((), [("start", 1)]), ((), [("a", 1), ("b", 2), ("c", 3)])]:
    add_case("enumerate", None, a, kw)
for a, kw in [(([1], [1, 2]), [("strict", True)]), (([1, 2], [1]), [("strict", True)]), (([1, 2], [1, 2], [1]), [("strict", True)]), (([1], [1], [1, 2]), [("strict", True)]),
              (([1, 2], [1, 2], [1, 2, 3]), [("strict", True)]), (([1], []), [("strict", True)]), (([], [1]), [("strict", True)]), (([1, 2], [3]), [("strict", [1])]),
              ((), [("x", 1)]), (([],), [("strict", True), ("x", 1)]), ((1,), ()), (([], 1), ()), ((), [("strict", True)]), (([1, 2],), [("strict", True)]), ((It([1, 2]), "abc"), [("strict", False)])]:
    add_case("zip", None, a, kw)
for a, kw in [((), ()), ((F["neg"],), ()), ((F["neg"], [1]), [("x", 1)]), ((1, [1]), ()), ((F["neg"], 1), ()), ((F["neg"], [], 1), ()), ((F["neg"], ["a"]), ()), ((F["boom"], [1, 2, 3, 4]), ()), ((F["add"], [1, 2], [3, "x"]), ())]:
    add_case("map", None, a, kw)
for a, kw in [((None,), ()), ((), ()), ((None, [], 1), ()), ((None, [1]), [("x", 1)]), ((None, 1), ()), ((F["odd"], ["a"]), ()), ((F["boom"], [1, 2, 3, 4]), ()), ((None, [0, 1, "", 2, b"", b"x", (), None, False, True]), ())]:
    add_case("filter", None, a, kw)
for a, kw in [((), ()), (([], []), ()), (([],), [("x", 1)]), ((), [("seq", [])]), ((1,), ()), ((It([1]),), ())]:
    add_case("reversed", None, a, kw)
for f, s in [("counter", 5), ("counter", 0), ("stopper", 100), ("stopper", 1), ("boom", 100), ("counter", 3)]:
    add_case("iter2", None, (F[f], s))
json.dump(cases, sys.stdout)
`;

let cases: Case[] = [];

beforeAll(async () => {
  const bin = readFileSync(process.env.PYVM_BYTES_WASM ?? "build/test-entries/bytes.wasm");
  // The entry pulls in the whole VM (through ops.ts): its other host imports go unused here.
  const { instance } = await WebAssembly.instantiate(bin, { env: testEnv() });
  W = instance.exports;
  mem = () => new Uint8Array((W.memory as WebAssembly.Memory).buffer);
  dv = () => new DataView((W.memory as WebAssembly.Memory).buffer);
  W.heapInit(0);
  const src = readFileSync("assembly/exceptions.generated.ts", "utf8");
  for (const m of src.matchAll(/export const EXC_(\w+): i32 = (\d+);/g)) EXC_NAMES.set(Number(m[2]), m[1]);
  CALLABLES.forEach((name, i) => {
    const s = jsStr(name);
    callableObjs.set(name, u64(BigInt(W.testCallable(i, s))));
    W.valueDecref(BigInt(s));
  });
  cases = pythonJson<Case[]>(GEN.replace("sys.argv[1]", "20240612"));
});

function describeCase(c: Case): string {
  return JSON.stringify({ op: c.op, self: c.self, args: c.args, kw: c.kw });
}

describe("bytes ops, bytes methods and builtin iterators vs python3.11", () => {
  it("agree on every generated case, without leaks", () => {
    expect(cases.length).toBeGreaterThan(4000);
    const before = W.heapBytesInUse();
    const failures: string[] = [];
    for (const c of cases) {
      const got = run(c);
      if (JSON.stringify(got) !== JSON.stringify(c.want)) {
        failures.push(`${describeCase(c)}\n  want ${JSON.stringify(c.want)}\n  got  ${JSON.stringify(got)}`);
      }
    }
    expect(failures.slice(0, 15).join("\n")).toBe("");
    expect(failures.length).toBe(0);
    expect(W.heapBytesInUse()).toBe(before);
  });

  it("iterators stay exhausted and keep CPython's resumption rules", () => {
    const before = W.heapBytesInUse();
    // bytes_iterator: exhausted for good.
    const b = toWasm({ y: "6162" });
    const it = u64(BigInt(W.bytesIterNew(Number(b))));
    const got = u64(BigInt(W.drain(it, false)));
    expect(fromWasm(got)).toEqual({ l: [{ i: 97 }, { i: 98 }] });
    W.valueDecref(got);
    expect(u64(BigInt(W.nextOf(it)))).toBe(0n);
    expect(W.errorType()).toBe(0);
    W.valueDecref(it);
    W.valueDecref(b);
    // reversed: releases the sequence when done.
    const l = toWasm({ l: [{ i: 1 }, { i: 2 }] });
    const t = W.tupleNew(1);
    W.tupleSet(t, 0, l);
    const r = u64(BigInt(W.callNative(4, t, 1, 0)));
    W.valueDecref(BigInt(t));
    const drained = u64(BigInt(W.drain(r, false)));
    W.valueDecref(drained);
    expect(u64(BigInt(W.nextOf(r)))).toBe(0n);
    W.valueDecref(r);
    expect(W.heapBytesInUse()).toBe(before);
  });
});
