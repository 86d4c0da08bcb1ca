/**
 * "Did you mean" for uncaught NameError and AttributeError, as CPython 3.11 prints it after the
 * message line. The facts (from Python/suggestions.c): candidates are compared as UTF-8 bytes with
 * a Levenshtein distance where an insertion/deletion/substitution costs 2 and a substitution that
 * only flips ASCII case costs 1; a candidate qualifies when its distance is at most
 * (len(name) + len(candidate) + 3) * 2 // 6 and strictly below the best so far, so the first
 * candidate with the smallest distance wins. Lists of 750 or more candidates are not searched;
 * strings longer than 40 bytes (after trimming a common prefix and suffix) never match.
 *
 * NameError (exact type only): the innermost traceback frame's plain local names (co_varnames),
 * then the frame's globals (recorded in the traceback entry), then the builtins in
 * CPython's own order. AttributeError (exact type only): dir(obj), sorted.
 */
import { Value, NULL, isObject } from "./values";
import { kindOf, typeOf, errorClear, KIND_STR, KIND_LIST, KIND_MODULE, KIND_DICT } from "./types";
import { EXC_NameError, EXC_AttributeError } from "./exceptions.generated";
import { excType, EX_TRACEBACK, EX_EXTRA } from "./exceptions";
import { CodeObject } from "./code";
import { strUtf8Length, strWriteUtf8, strFromLatin1 } from "./str";
import { tupleSize, tupleItem, vecSize, vecItems } from "./tuple";
import { dictNext, dictSize, dictGetItem } from "./dict";
import { alloc, free } from "./heap";
import { incref, decref } from "./refcount";
import { dirOf } from "./dir";
import { modulesDict } from "./mod-sys";
import { N_MAIN } from "./names";
import { attributeErrorObj } from "./exc-methods";

const MAX_CANDIDATES: i32 = 750;
const MAX_STRING: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/** One row of the distance matrix (CPython keeps at most 40 entries). */
const ROW: usize = memory.data(<i32>MAX_STRING * 8, 8);

// UTF-8 scratch: the name, and the candidate being compared.
let nameBuf: usize = 0;
let nameCap: usize = 0;
let candBuf: usize = 0;
let candCap: usize = 0;

function substitutionCost(a: u32, b: u32): usize {
  if ((a & 31) != (b & 31)) return MOVE_COST;
  if (a == b) return 0;
  if (a >= 0x41 && a <= 0x5a) a += 0x20;
  if (b >= 0x41 && b <= 0x5a) b += 0x20;
  return a == b ? CASE_COST : MOVE_COST;
}

/** The edit distance between two byte strings, or maxCost + 1 when it is known to exceed maxCost. */
export function levenshtein(a: usize, aLen: usize, b: usize, bLen: usize, maxCost: usize): usize {
  while (aLen != 0 && bLen != 0 && load<u8>(a) == load<u8>(b)) {
    a++;
    b++;
    aLen--;
    bLen--;
  }
  while (aLen != 0 && bLen != 0 && load<u8>(a + aLen - 1) == load<u8>(b + bLen - 1)) {
    aLen--;
    bLen--;
  }
  if (aLen == 0 || bLen == 0) return (aLen + bLen) * MOVE_COST;
  if (aLen > MAX_STRING || bLen > MAX_STRING) return maxCost + 1;
  if (bLen < aLen) {
    const t = a;
    a = b;
    b = t;
    const n = aLen;
    aLen = bLen;
    bLen = n;
  }
  if ((bLen - aLen) * MOVE_COST > maxCost) return maxCost + 1;
  for (let i: usize = 0; i < aLen; i++) store<u64>(ROW + (i << 3), (i + 1) * MOVE_COST);
  let result: usize = 0;
  for (let bi: usize = 0; bi < bLen; bi++) {
    const code = <u32>load<u8>(b + bi);
    let distance = bi * MOVE_COST;
    result = distance;
    let minimum: usize = usize.MAX_VALUE;
    for (let ai: usize = 0; ai < aLen; ai++) {
      const substitute = distance + substitutionCost(code, <u32>load<u8>(a + ai));
      distance = <usize>load<u64>(ROW + (ai << 3));
      const insertDelete = (result < distance ? result : distance) + MOVE_COST;
      result = insertDelete < substitute ? insertDelete : substitute;
      store<u64>(ROW + (ai << 3), result);
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

function utf8Into(s: usize, forName: bool): usize {
  const n = strUtf8Length(s);
  if (forName) {
    if (n > nameCap) {
      if (nameBuf != 0) free(nameBuf, nameCap);
      nameCap = n < 64 ? 64 : n;
      nameBuf = alloc(nameCap);
      if (nameBuf == 0) {
        nameCap = 0;
        return usize.MAX_VALUE;
      }
    }
    strWriteUtf8(s, nameBuf);
  } else {
    if (n > candCap) {
      if (candBuf != 0) free(candBuf, candCap);
      candCap = n < 64 ? 64 : n;
      candBuf = alloc(candCap);
      if (candBuf == 0) {
        candCap = 0;
        return usize.MAX_VALUE;
      }
    }
    strWriteUtf8(s, candBuf);
  }
  return n;
}

// The search state across candidate lists of one name: the best candidate's tag (a borrowed str
// Value, or the builtin name's start offset + 1) and its distance.
let bestTag: u64 = 0;
let bestDistance: usize = 0;
let nameLen: usize = 0;
/** Set when a candidate is not a str: CPython gives up on that list. */
let listFailed = false;

function beginSearch(name: usize): bool {
  const n = utf8Into(name, true);
  if (n == usize.MAX_VALUE) return false;
  nameLen = n;
  return true;
}

function resetList(): void {
  bestTag = 0;
  bestDistance = usize.MAX_VALUE;
  listFailed = false;
}

/** Considers the candidate whose UTF-8 bytes (n) are in candBuf. */
function considerBytes(n: usize, tag: u64): void {
  if (n == nameLen && memory.compare(candBuf, nameBuf, n) == 0) return; // the name itself
  let maxDistance = ((nameLen + n + 3) * MOVE_COST) / 6;
  if (bestDistance - 1 < maxDistance) maxDistance = bestDistance - 1;
  const d = levenshtein(nameBuf, nameLen, candBuf, n, maxDistance);
  if (d > maxDistance) return;
  if (bestTag == 0 || d < bestDistance) {
    bestTag = tag;
    bestDistance = d;
  }
}

/** Considers one candidate (a borrowed Value). */
function consider(item: Value): void {
  if (listFailed) return;
  if (!isObject(item) || kindOf(<usize>item) != KIND_STR) {
    listFailed = true;
    return;
  }
  const n = utf8Into(<usize>item, false);
  if (n == usize.MAX_VALUE) {
    listFailed = true;
    return;
  }
  considerBytes(n, item);
}

/** Runs one candidate list of Values: the best match in it (borrowed), or 0. */
function searchValues(items: usize, n: usize): usize {
  resetList();
  if (n >= <usize>MAX_CANDIDATES) return 0;
  for (let i: usize = 0; i < n; i++) consider(load<u64>(items + (i << 3)));
  return listFailed ? 0 : <usize>bestTag;
}

const POS: usize = memory.data(8, 8);
const KEY: usize = memory.data(8, 8);

function searchDictKeys(d: usize): usize {
  resetList();
  if (<i32>dictSize(d) >= MAX_CANDIDATES) return 0;
  store<u32>(POS, 0);
  while (dictNext(d, POS, KEY, 0)) consider(load<u64>(KEY));
  return listFailed ? 0 : <usize>bestTag;
}

/** The plain local names of a code object (co_varnames: kind CO_FAST_LOCAL), in order. */
function searchVarnames(code: usize): usize {
  resetList();
  const c = changetype<CodeObject>(code);
  const names = <usize>c.localsplusnames;
  const kinds = <usize>c.localspluskinds + 24;
  const n = <usize>tupleSize(names);
  for (let i: usize = 0; i < n; i++) {
    if ((load<u8>(kinds + i) & 0x20) != 0) consider(tupleItem(names, i));
  }
  return listFailed ? 0 : <usize>bestTag;
}

// CPython 3.11's builtins module dict, in its order (a script's view: no `_`).
const BUILTIN_NAMES =
  "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr hash hex id input isinstance issubclass iter aiter len locals max min next anext oct ord pow print repr round setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview bytearray bytes classmethod complex dict enumerate filter float frozenset property int list map object range reversed set slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError IndentationError IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError open quit exit copyright credits license help";

/** The builtin names (ASCII, from the literal): the best one as a new str, or 0. */
function searchBuiltins(): usize {
  resetList();
  if (candCap < 64) {
    if (candBuf != 0) free(candBuf, candCap);
    candBuf = alloc(64);
    if (candBuf == 0) {
      candCap = 0;
      return 0;
    }
    candCap = 64;
  }
  const total = BUILTIN_NAMES.length;
  let start = 0;
  for (let i = 0; i <= total; i++) {
    if (i == total || BUILTIN_NAMES.charCodeAt(i) == 0x20) {
      const n = <usize>(i - start);
      for (let j: usize = 0; j < n; j++) store<u8>(candBuf + j, <u8>BUILTIN_NAMES.charCodeAt(start + <i32>j));
      considerBytes(n, <u64>(start + 1));
      start = i + 1;
    }
  }
  if (bestTag == 0) return 0;
  const from = <i32>bestTag - 1;
  let to = from;
  while (to < total && BUILTIN_NAMES.charCodeAt(to) != 0x20) to++;
  for (let j = from; j < to; j++) store<u8>(candBuf + <usize>(j - from), <u8>BUILTIN_NAMES.charCodeAt(j));
  return strFromLatin1(candBuf, <usize>(to - from));
}

/** __main__'s globals (borrowed), or 0. */
function mainGlobals(): usize {
  if (modulesDict == 0) return 0;
  const m = dictGetItem(modulesDict, <u64>N_MAIN);
  if (m == NULL || !isObject(m) || kindOf(<usize>m) != KIND_MODULE) return 0;
  const d = <usize>load<u32>(<usize>m + 8);
  return d != 0 && kindOf(d) == KIND_DICT ? d : 0;
}

function nameErrorSuggestion(e: usize): usize {
  const name = load<u64>(e + EX_EXTRA);
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) return 0;
  let tb = <usize>load<u32>(e + EX_TRACEBACK);
  if (tb == 0) return 0;
  // The innermost entry is the last of the chain.
  while (load<u32>(tb + 8) != 0) tb = <usize>load<u32>(tb + 8);
  if (!beginSearch(<usize>name)) return 0;
  let r = searchVarnames(<usize>load<u32>(tb + 12));
  if (r == 0) {
    // The frame's globals (recorded with the entry), else __main__'s.
    const tg = <usize>load<u32>(tb + 24);
    const g = tg != 0 && kindOf(tg) == KIND_DICT ? tg : mainGlobals();
    if (g != 0) r = searchDictKeys(g);
  }
  if (r != 0) {
    incref(<u64>r);
    return r;
  }
  return searchBuiltins();
}

function attributeErrorSuggestion(e: usize): usize {
  const name = load<u64>(e + EX_EXTRA);
  const obj = attributeErrorObj(e);
  if (obj == NULL || !isObject(name) || kindOf(<usize>name) != KIND_STR) return 0;
  const dir = dirOf(obj);
  if (dir == NULL) {
    errorClear();
    return 0;
  }
  let r: usize = 0;
  if (isObject(dir) && kindOf(<usize>dir) == KIND_LIST && beginSearch(<usize>name)) {
    r = searchValues(vecItems(<usize>dir), <usize>vecSize(<usize>dir));
  }
  // The winner is borrowed from the list: keep it alive past the list.
  if (r != 0) incref(<u64>r);
  decref(dir);
  return r;
}

/**
 * The name to suggest for an uncaught exception (a new str reference), or 0. Only exact
 * NameError / AttributeError instances get one; nothing is left raised.
 */
export function offerSuggestion(e: usize): usize {
  const t = typeOf(<u64>e);
  let r: usize = 0;
  if (t == excType(EXC_NameError)) r = nameErrorSuggestion(e);
  else if (t == excType(EXC_AttributeError)) r = attributeErrorSuggestion(e);
  return r;
}
