import { testEnv } from "./support/wasm-env.js";
// str operations and methods of the WASM VM (assembly/str-ops.ts, assembly/str-methods.ts) against
// python3.11: one python batch generates random cases (strings of kinds 1/2/4 with surrogates,
// case-mapping specials, whitespace, digits) and their results or exception types and messages;
// every case runs through build/test-entries/str.wasm and must agree. Strings travel as hex of
// their UTF-8 (surrogatepass) bytes, so lone surrogates survive. Ends with a leak check.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { PYTHON, pythonJson, runPython } from "./support/python.js";

type Desc =
  | { s: string }
  | { i: number | string }
  | { n: null }
  | { b: boolean }
  | { t: Desc[] }
  | { l: Desc[] }
  | { d: [Desc, Desc][] }
  | { y: string }
  | { e: string; m: string; kv?: Desc };

interface Case {
  op: string;
  self?: Desc;
  args: Desc[];
  kw: [string, Desc][];
  want: Desc;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let W: any;
let mem: () => Uint8Array;
const EXC_NAMES = new Map<number, string>();

const NONE = 0x02n;
const FALSE = 0x0an;
const TRUE = 0x12n;
const KIND_INT = 4,
  KIND_BOOL = 3,
  KIND_NONE = 2,
  KIND_STR = 7,
  KIND_BYTES = 8,
  KIND_TUPLE = 9,
  KIND_LIST = 10,
  KIND_DICT = 11;

function u64(x: bigint): bigint {
  return BigInt.asUintN(64, x);
}

function hexToBytes(h: string): Uint8Array {
  return Uint8Array.from(Buffer.from(h, "hex"));
}

/** A new str object from UTF-8 (surrogatepass) bytes. */
function mkStr(bytes: Uint8Array): number {
  const n = bytes.length;
  const p = W.heapAlloc(Math.max(n, 1));
  mem().set(bytes, p);
  const s = W.strFromUtf8(p, n);
  W.heapFree(p, Math.max(n, 1));
  if (s === 0) throw new Error("strFromUtf8 failed");
  return s;
}

function strHex(p: number): string {
  const n = W.strUtf8Length(p);
  const buf = W.heapAlloc(Math.max(n, 1));
  W.strWriteUtf8(p, buf);
  const h = Buffer.from(mem().slice(buf, buf + n)).toString("hex");
  W.heapFree(buf, Math.max(n, 1));
  return h;
}

function jsStr(s: string): number {
  return mkStr(new TextEncoder().encode(s));
}

/** Builds a wasm Value (new reference) from a description. */
function toWasm(d: Desc): bigint {
  if ("s" in d) return BigInt(mkStr(hexToBytes(d.s)));
  if ("i" in d) {
    const n = BigInt(d.i);
    if (n >= -(1n << 62n) && n < 1n << 62n) return u64((n << 1n) | 1n);
    // A big int: base-2**15 digits for intFromDigits15.
    let m = n < 0n ? -n : n;
    const digits: number[] = [];
    while (m > 0n) {
      digits.push(Number(m & 0x7fffn));
      m >>= 15n;
    }
    const p = W.heapAlloc(digits.length * 2);
    digits.forEach((x, i) => new DataView(mem().buffer).setUint16(p + 2 * i, x, true));
    const v = u64(W.intFromDigits15(p, digits.length, n < 0n));
    W.heapFree(p, digits.length * 2);
    return v;
  }
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
  if ("d" in d) {
    const m = W.dictNew();
    for (const [k, v] of d.d) W.dictAdd(m, toWasm(k), toWasm(v));
    return BigInt(m);
  }
  throw new Error(`cannot build ${JSON.stringify(d)}`);
}

function fromWasm(v: bigint): Desc {
  v = u64(v);
  const kind = W.valueKind(v);
  if (kind === KIND_INT && (v & 1n) === 1n) return { i: Number(BigInt.asIntN(64, v) >> 1n) };
  if (kind === KIND_BOOL) return { b: v === TRUE };
  if (kind === KIND_NONE) return { n: null };
  const p = Number(v);
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
  if (kind === KIND_DICT) {
    const items: [Desc, Desc][] = [];
    for (let i = 0; i < W.seqSize(v); i++) items.push([fromWasm(W.dictItem(p, i, 0)), fromWasm(W.dictItem(p, i, 1))]);
    return { d: items };
  }
  return { e: `kind ${kind}`, m: "" };
}

function takeError(): Desc {
  const t = W.errorType();
  const p = W.errorMessagePtr();
  const n = W.errorMessageLength();
  const m = Buffer.from(mem().slice(p, p + n)).toString("utf8");
  const ev = u64(W.errorValue());
  const out: Desc = { e: EXC_NAMES.get(t) ?? `#${t}`, m };
  if (ev !== 0n) out.kv = fromWasm(ev);
  W.errorClear();
  return out;
}

/** Runs one case; returns the result description (releasing everything it made). */
function run(c: Case): Desc {
  const self = c.self ? toWasm(c.self) : 0n;
  const vals = [...c.args, ...c.kw.map(([, v]) => v)].map(toWasm);
  let res: bigint | number;
  const A = (i: number) => vals[i];
  const P = (i: number) => Number(vals[i]);
  const S = Number(self);
  switch (c.op) {
    case "@concat":
      res = W.strConcat(S, P(0));
      break;
    case "@repeat":
      res = W.strRepeat(S, BigInt((c.args[0] as { i: number }).i));
      break;
    case "@getitem":
      res = W.strGetItem(S, BigInt((c.args[0] as { i: number }).i));
      break;
    case "@slice": {
      const [a, b, st] = c.args.map((x) => ("n" in x ? null : BigInt((x as { i: number }).i)));
      const step = st ?? 1n;
      const MAX = (1n << 63n) - 1n;
      const start = a ?? (step < 0n ? MAX : 0n);
      const stop = b ?? (step < 0n ? -MAX - 1n : MAX);
      W.sliceAdjustIndices(BigInt(lengthOf(S)), start, stop, step);
      res = W.strSlice(S, W.sliceStartOut(), W.sliceStopOut(), step);
      break;
    }
    case "@contains":
      res = BigInt(W.strContains(S, P(0))) === 1n ? TRUE : FALSE;
      break;
    case "@find":
    case "@rfind": {
      const f = c.op === "@find" ? W.strFind : W.strRFind;
      const a = BigInt((c.args[1] as { i: number }).i);
      const b = BigInt((c.args[2] as { i: number }).i);
      res = u64((BigInt(f(S, P(0), a, b)) << 1n) | 1n);
      break;
    }
    case "@compare":
      res = u64((BigInt(W.strCompare(S, P(0))) << 1n) | 1n);
      break;
    case "@repr":
      res = W.strRepr(S);
      break;
    case "@ascii":
      res = W.strAscii(S);
      break;
    case "@chr":
      res = W.strFromCodePoint((c.args[0] as { i: number }).i);
      break;
    case "@mod":
      res = W.strPercentFormat(S, A(0));
      break;
    case "@format":
      res = W.strFormatSpec(S, P(0));
      break;
    default: {
      const t = W.tupleNew(vals.length);
      vals.forEach((v, i) => W.tupleSet(t, i, v));
      const kn = W.tupleNew(c.kw.length);
      c.kw.forEach(([k], i) => W.tupleSet(kn, i, BigInt(jsStr(k))));
      const name = jsStr(c.op);
      res = W.callMethod(name, self, t, c.args.length, kn);
      W.valueDecref(BigInt(name));
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

function lengthOf(p: number): number {
  return new DataView(mem().buffer).getUint32(p + 8, true);
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
    if isinstance(v, dict): return {"d": [[enc(k), enc(x)] for k, x in v.items()]}
    raise TypeError(type(v))
POOLS = [
  "abcABC xyz",
  "ab \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000",
  "aAéÉßÿ\xb5\xaa ",
  "σΣςΑΒ.'a\u0301ǅǆǄİıﬁΐ ",
  "a\U0001d49c\U0001f600\U0001d7d8 b",
  "a\ud800\udfffb\udc00",
  "0123456789٣²½Ⅻ𝟘 ",
  "aaab",
  "\x00\x07\x7f\x80\x9f\xad'\"\\\\\u0378\u200b\U000e0001\U0010ffff",
  "_a1 -+",
  "ab\u0100\u0101cd",
]
def rstr(maxlen=12, pool=None):
    p = pool or random.choice(POOLS)
    return "".join(random.choice(p) for _ in range(random.randint(0, maxlen)))
cases = []
def add(op, self, args=(), kw=()):
    try:
        if op == "@concat": r = self + args[0]
        elif op == "@repeat": r = self * args[0]
        elif op == "@getitem": r = self[args[0]]
        elif op == "@slice": r = self[slice(*args)]
        elif op == "@contains": r = args[0] in self
        elif op == "@find": r = self.find(*args)
        elif op == "@rfind": r = self.rfind(*args)
        elif op == "@compare": r = (self > args[0]) - (self < args[0])
        elif op == "@repr": r = repr(self)
        elif op == "@ascii": r = ascii(self)
        elif op == "@chr": r = chr(args[0])
        elif op == "@mod": r = self % args[0]
        elif op == "@format": r = format(self, args[0])
        elif op == "maketrans": r = str.maketrans(*args, **dict(kw))
        else: r = getattr(str, op)(self, *args, **dict(kw))
        want = enc(r)
    except Exception as e:
        want = {"e": type(e).__name__, "m": str(e)}
        if isinstance(e, KeyError): want["kv"] = enc(e.args[0])
    cases.append({"op": op, "self": enc(self) if self is not None else None, "args": [enc(a) for a in args], "kw": [[k, enc(v)] for k, v in kw], "want": want})

def sub_of(s):
    if s and random.random() < 0.7:
        i = random.randint(0, len(s)); j = random.randint(i, min(len(s), i + 4))
        return s[i:j]
    return rstr(3)
def idx():
    return random.choice([None, 0, 1, 2, -1, -3, 5, 100, -100, 2**70, -2**70])
for _ in range(150):
    s = rstr(); t = rstr()
    add("@concat", s, (t,))
    add("@repeat", s, (random.randint(-2, 5),))
    add("@getitem", s, (random.randint(-len(s) - 2, len(s) + 2),))
    add("@slice", s, (random.choice([None, random.randint(-15, 15)]), random.choice([None, random.randint(-15, 15)]), random.choice([None, 1, 2, 3, -1, -2, -5])))
    n = sub_of(s)
    add("@contains", s, (n,))
    a, b = random.randint(-15, 15), random.choice([random.randint(-15, 15), 2**62])
    add("@find", s, (n, a, b)); add("@rfind", s, (n, a, b))
    add("@compare", s, (random.choice([t, s, s + "a", s[:-1]]),))
    add("@repr", s); add("@ascii", s)
for c in [0, 7, 65, 0xe9, 0xff, 0x100, 0x3a3, 0xd800, 0xffff, 0x10000, 0x10ffff]:
    add("@chr", None, (c,))
for _ in range(120):
    s = rstr(16)
    for m in ["upper", "lower", "casefold", "title", "capitalize", "swapcase", "isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum", "isspace", "isprintable", "isascii", "islower", "isupper", "istitle", "isidentifier", "splitlines", "strip", "lstrip", "rstrip", "split", "rsplit", "expandtabs"]:
        add(m, s)
    add("splitlines", s, (True,)); add("splitlines", s, (), [("keepends", 1)])
    n = sub_of(s)
    for m in ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]:
        r = random.random()
        if r < 0.4: add(m, s, (n,))
        elif r < 0.7: add(m, s, (n, idx()))
        else: add(m, s, (n, idx(), idx()))
    add("startswith", s, ((n, rstr(2)), 1)); add("endswith", s, ((rstr(2), n),))
    ms = random.choice([-1, 0, 1, 2, 5])
    add("split", s, (n or None, ms)); add("rsplit", s, (), [("sep", n or None), ("maxsplit", ms)])
    add("split", s, (None, ms)); add("rsplit", s, (None, ms))
    add("strip", s, (n,)); add("lstrip", s, (n,)); add("rstrip", s, (n,))
    add("replace", s, (n, rstr(3), random.choice([-1, 0, 1, 2]))); add("replace", s, (n, rstr(2)))
    add("partition", s, (n,)); add("rpartition", s, (n,))
    w = random.randint(-1, 20)
    add("center", s, (w,)); add("ljust", s, (w, random.choice("*é\u0100\U0001f600"))); add("rjust", s, (w, "-"))
    add("zfill", s, (w,)); add("zfill", random.choice("+-") + s, (w,))
    add("expandtabs", s.replace(" ", "\t"), (random.randint(-1, 9),))
    add("removeprefix", s, (n,)); add("removesuffix", s, (n,))
    add("encode", s); add("encode", s, ("ascii", random.choice(["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "bogus"])))
    add("encode", s, (), [("encoding", random.choice(["latin-1", "UTF8", " utf_8 ", "Latin1", "koi8"])), ("errors", random.choice(["strict", "surrogatepass", "replace"]))])
    add("join", rstr(2), (random.choice([[rstr(3) for _ in range(random.randint(0, 4))], tuple(rstr(3) for _ in range(3))]),))
    add("translate", s, ({ord(c): random.choice([None, "xy", 0x101, rstr(2)]) for c in s[:3]},))
# argument errors and edge cases
S = "a b"
for m, a, kw in [("split", (1,), ()), ("split", (1, 2, 3), ()), ("split", (), [("foo", 1)]), ("split", (), [("maxsplit", "x")]), ("split", (" ",), [("sep", " ")]),
    ("split", (), [("maxsplit", 2**70)]), ("split", ("",), ()), ("rsplit", ("",), ()), ("split", (), [("maxsplit", True)]),
    ("find", (), ()), ("find", (1,), ()), ("find", ("a", 1, 2, 3), ()), ("find", ("a", "x"), ()), ("find", (), [("x", 1)]), ("index", ("z",), ()), ("rindex", ("z",), ()), ("count", (), ()),
    ("strip", (1,), ()), ("strip", (1, 2), ()), ("strip", (), [("chars", "x")]), ("replace", ("a",), ()), ("replace", (1, "b"), ()), ("replace", ("a", 1), ()), ("replace", ("a", "b", "c"), ()), ("replace", ("a", "b", 1, 2), ()),
    ("replace", ("", "-", 2), ()), ("replace", ("", ""), ()),
    ("startswith", (1,), ()), ("startswith", ((1,),), ()), ("startswith", (), ()), ("endswith", (1,), ()), ("startswith", ("a", "x"), ()), ("startswith", ("", 5), ()), ("startswith", ("", 3), ()),
    ("join", ([1],), ()), ("join", (["x", 1],), ()), ("join", (), ()), ("join", ((),), ()), ("join", (["é"],), ()),
    ("center", (), ()), ("center", (5, "ab"), ()), ("center", (5, 1), ()), ("center", ("x",), ()), ("ljust", (2**70,), ()), ("center", (5,), [("fillchar", "x")]),
    ("zfill", (), ()), ("zfill", ("x",), ()), ("zfill", (), [("width", 3)]), ("partition", ("",), ()), ("partition", (1,), ()), ("rpartition", ("",), ()),
    ("expandtabs", ("x",), ()), ("expandtabs", (), [("tabsize", "x")]), ("expandtabs", (), [("foo", 1)]), ("expandtabs", (1, 2), ()),
    ("removeprefix", (1,), ()), ("removesuffix", (), ()), ("encode", ("foo",), ()), ("encode", (1,), ()), ("encode", ("utf-8", 1), ()), ("encode", (), [("encoding", "utf-8"), ("foo", 1)]), ("encode", ("utf-8", "strict", "x"), ()),
    ("upper", (1,), ()), ("isdigit", (1,), ()), ("splitlines", (1, 2), ()), ("splitlines", (), [("x", 1)]), ("splitlines", ("x",), ()), ("splitlines", (2**40,), ()), ("translate", (), ()), ("translate", (1,), ()),
    ("casefold", (1,), ()), ("istitle", (1,), ()), ("format_map", (), ())]:
    add(m, S, a, kw)
for s in ["\ud800", "a\ud800\udfffb", "é", "ā", "a\U0001f600\udc00"]:
    for e in ["utf-8", "ascii", "latin-1"]:
        add("encode", s, (e,))
        add("encode", s, (e, "bogus"))
add("translate", "abc", ({97: 1.5},)) if False else None
add("translate", "abc", ({97: 0x110000},)); add("translate", "abc", ({97: -1},)); add("translate", "abc", ({98: None, 99: "zz", 97: 0x100},)); add("translate", "abc", ("xyz",))
for a in [(), ({},), ({"a": 1, 98: "x", "c": None},), ({"ab": 1},), ("ab", "cd"), ("ab", "cd", "ef"), ("aa", "bc"), ("ab", "c"), ("a", 1), (1, "a"), ("a", "b", 1), (1,), ("é\U0001f600", "\u0100z", "q")]:
    add("maketrans", None, a)
# str.format
FARGS = ("ab", "cdé", ("x", "y\U0001f600"))
FKW = [("a", "Q"), ("b", "\u0100")]
pieces = ["{", "}", "{0}", "{1}", "{}", "{a}", "{b!r}", "{0!s:>5}", "{0!a}", "{1:^7}", "{2[1]}", "{0[1]}", "{:*<4}", "{{", "}}", "x", "é", ":", "!", "[", "]", "{0:{1}}", "{:{}}", "{!x}", "{0!}", "{0:", "{0[}", "{3}", "{a[0]}", "{0:.1}", "{:{:{}}}", "{0:=5}", "{0:d}", "{0:+}", "{0:,}", "{a:010}"]
for _ in range(250):
    f = "".join(random.choice(pieces) for _ in range(random.randint(1, 4)))
    add("format", f, FARGS, FKW)
    add("format_map", f.replace("{0", "{a").replace("{1", "{b"), ({"a": "ab", "b": "\u0101"},))
add("format", "{0:99999999999999999999}", ("a",)); add("format", "{0:.99999999999999999999}", ("a",)); add("format", "{99999999999999999999}", ("a",))
add("format", "{0[0]x}", (("a",),)); add("format", "{0.}", ("a",)); add("format", "{0[]}", ("a",)); add("format", "{a{b}", ()); add("format", "{0!", ("a",))
for spec in ["", "5", "<5", ">5", "^6", "x^7", "05", "010", "x<5.1s", ".0", ".2", "d", "+", "#", "=5", ",", "_", "z", "<<<", "5.", "s", "\u0100>4", ",_", "_,", "é", "5s", "99999999999999999999"]:
    add("@format", random.choice(["ab", "é", "\U0001f600x"]), (spec,))
# printf-style
ppieces = ["%s", "%r", "%a", "%d", "%5d", "%-5s|", "%05d", "%x", "%#X", "%#o", "%c", "%%", "%.2s", "%*d", "%+d", "% d", "%.3d", "%-#8x|", "%i", "%u", "%5c", "lit", "é", "%", "%z", "%5%", "%(a)s", "%ld"]
for _ in range(250):
    f = "".join(random.choice(ppieces) for _ in range(random.randint(1, 4)))
    vals = [random.choice([random.randint(-300, 300), rstr(4), 2**40, -7, True, 0x41, 0x1f600]) for _ in range(random.randint(0, 4))]
    add("@mod", f, (tuple(vals),))
    add("@mod", f, (vals[0] if vals else "z",))
for f in ["%(a)s %(b)r", "%(a)s %s", "%s %(a)s", "%(a)*d", "%(x)%", "%(a", "abc", "%(a)5s|%(b)-4s|", "%(c)d"]:
    add("@mod", f, ({"a": "A", "b": "é", "c": 5},))
for f, a in [("%d", ("x",)), ("%x", ("x",)), ("%o", (None,)), ("%c", ("ab",)), ("%c", (0x110000,)), ("%c", (-1,)), ("%(a)s", (1,)), ("abc", (5,)), ("abc", ([],)), ("%s", ([],)), ("%*d", ("x", 1)), ("%.*d", ("x", 1)), ("%*d", (-5, 1)), ("%.2c", ("a",)), ("%s", ((1,),))]:
    add("@mod", f, (a,) if not isinstance(a, tuple) else (a,))
json.dump(cases, sys.stdout)
`;

let cases: Case[] = [];

beforeAll(async () => {
  const bin = readFileSync("build/test-entries/str.wasm");
  const { instance } = await WebAssembly.instantiate(bin, { env: testEnv() });
  W = instance.exports;
  mem = () => new Uint8Array((W.memory as WebAssembly.Memory).buffer);
  W.heapInit(0);
  const src = readFileSync("assembly/exceptions.generated.ts", "utf8");
  for (const m of src.matchAll(/export const EXC_(\w+): i32 = (\d+);/g)) EXC_NAMES.set(Number(m[2]), m[1]);
  cases = pythonJson<Case[]>(GEN.replace("sys.argv[1]", "20240611"));
});

function describeCase(c: Case): string {
  return JSON.stringify({ op: c.op, self: c.self, args: c.args, kw: c.kw });
}

describe("str ops and methods vs python3.11", () => {
  it("agree on every generated case, without leaks", () => {
    expect(cases.length).toBeGreaterThan(5000);
    const before = W.heapBytesInUse();
    const failures: string[] = [];
    let unwired = 0;
    for (const c of cases) {
      const got = run(c);
      // Values other than str are formatted through ops.ts, whose stubs are not wired in this entry.
      if ("e" in got && got.e === "SystemError" && got.m === "generic object protocol not wired yet") {
        unwired++;
        continue;
      }
      const want = c.want;
      let ok: boolean;
      if ("e" in want && "e" in got) {
        ok = got.e === want.e && (want.kv !== undefined ? JSON.stringify(got.kv) === JSON.stringify(want.kv) : got.m === want.m);
      } else {
        ok = JSON.stringify(got) === JSON.stringify(want);
      }
      if (!ok && failures.length < 30) failures.push(`${describeCase(c)}\n   want ${JSON.stringify(want)}\n   got  ${JSON.stringify(got)}`);
    }
    expect(failures.join("\n")).toBe("");
    expect(unwired).toBeLessThan(cases.length / 50);
    expect(W.heapBytesInUse()).toBe(before);
  });

  it("keeps kinds canonical and shares the one-char statics", () => {
    const before = W.heapBytesInUse();
    const a = mkStr(Buffer.from("aĀ", "utf8"));
    const b = W.strSubstring(a, 0, 1);
    expect(W.strKindOf(b)).toBe(1);
    expect(W.strAsciiFlag(b)).toBe(1);
    const c = W.strFromCodePoint(0x61);
    expect(c).toBe(b); // the static 'a'
    const e = mkStr(Buffer.from("é\u{1F600}", "utf8"));
    const f = W.strSubstring(e, 0, 1);
    expect(W.strKindOf(f)).toBe(1);
    expect(W.strAsciiFlag(f)).toBe(0);
    for (const p of [a, b, c, e, f]) W.valueDecref(BigInt(p));
    expect(W.heapBytesInUse()).toBe(before);
  });

  it("string builder: widening, finish, discard", () => {
    const before = W.heapBytesInUse();
    const sb = W.sbNew(0);
    W.sbAppendHello(sb);
    W.sbAppendCodePoint(sb, 0x3a3);
    for (let i = 0; i < 100; i++) W.sbAppendCodePoint(sb, 0x61 + (i % 26));
    W.sbAppendCodePoint(sb, 0x1f600);
    W.sbAppendInt(sb, -1234567890123n);
    const s = jsStr("ß");
    W.sbAppendStr(sb, s);
    const r = W.sbFinish(sb);
    let want = "helloΣ";
    for (let i = 0; i < 100; i++) want += String.fromCharCode(0x61 + (i % 26));
    want += "\u{1F600}-1234567890123ß";
    expect(Buffer.from(strHex(r), "hex").toString("utf8")).toBe(want);
    expect(W.strKindOf(r)).toBe(4);
    const sb2 = W.sbNew(4);
    W.sbAppendStr(sb2, s);
    W.sbAppendCodePoint(sb2, 0x10000);
    W.sbDiscard(sb2);
    const sb3 = W.sbNew(1);
    const empty = W.sbFinish(sb3);
    expect(lengthOf(empty)).toBe(0);
    for (const p of [r, s, empty]) W.valueDecref(BigInt(p));
    expect(W.heapBytesInUse()).toBe(before);
  });

  it("long strings: search paths, repeat and repr agree with python3.11", () => {
    const script = String.raw`
import json, random
random.seed(7)
out = []
for k in ["ab", "aé", "aĀ", "a\U0001f600"]:
    hay = "".join(random.choice(k + "c") for _ in range(5000))
    for n in [hay[100:103], hay[4000:4030], k * 3, "c" * 5, hay[-7:], hay[:9]]:
        out.append([hay.encode("utf-8", "surrogatepass").hex(), n.encode("utf-8", "surrogatepass").hex(), hay.find(n), hay.rfind(n), hay.count(n), len(hay.split(n)), len(hay.replace(n, "XY"))])
print(json.dumps(out))
`;
    const rows = JSON.parse(runPython(script).toString("utf8")) as [string, string, number, number, number, number, number][];
    const before = W.heapBytesInUse();
    const MAX = (1n << 63n) - 1n;
    for (const [h, n, find, rfind, count, nsplit, rlen] of rows) {
      const hs = mkStr(hexToBytes(h));
      const ns = mkStr(hexToBytes(n));
      expect(Number(W.strFind(hs, ns, 0n, MAX))).toBe(find);
      expect(Number(W.strRFind(hs, ns, 0n, MAX))).toBe(rfind);
      expect(Number(W.strCount(hs, ns, 0n, MAX))).toBe(count);
      const t = W.tupleNew(1);
      W.tupleSet(t, 0, BigInt(ns));
      W.valueIncref(BigInt(ns));
      const name = jsStr("split");
      const parts = u64(W.callMethod(name, BigInt(hs), t, 1, 0));
      expect(W.seqSize(parts)).toBe(nsplit);
      W.valueDecref(parts);
      W.valueDecref(BigInt(name));
      W.valueDecref(BigInt(t));
      const xy = jsStr("XY");
      const t2 = W.tupleNew(2);
      W.tupleSet(t2, 0, BigInt(ns));
      W.valueIncref(BigInt(ns));
      W.tupleSet(t2, 1, BigInt(xy));
      const name2 = jsStr("replace");
      const rep = u64(W.callMethod(name2, BigInt(hs), t2, 2, 0));
      expect(lengthOf(Number(rep))).toBe(rlen);
      for (const v of [rep, BigInt(name2), BigInt(t2), BigInt(hs), BigInt(ns)]) W.valueDecref(v);
    }
    expect(W.heapBytesInUse()).toBe(before);
  });

  it("unicode-tables.generated.ts is what tools/gen_unicode_tables.py makes", () => {
    const res = spawnSync(PYTHON, ["tools/gen_unicode_tables.py", "--check"], { encoding: "utf8" });
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
  });
});
