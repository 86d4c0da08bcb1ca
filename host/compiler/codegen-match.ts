/**
 * Codegen for `match` statements, as 3.11's compile.c does it (compiler_match_inner,
 * compiler_pattern and the pattern_* helpers). Each case's pattern runs against a copy of the
 * subject; captured values pile up on the stack under whatever the pattern is still working on and
 * are stored only once the whole pattern matched. A failing check jumps to one of the fail_pop
 * blocks, which pop exactly the values pushed so far (the n-th block pops n, then falls into the
 * (n-1)-th), so one chain of POP_TOPs serves every failure point of a case.
 */
import { Op } from "../opcodes.generated.js";
import { PyComplex, SurrogateStr, type PyObject } from "../objects.js";
import { pyRepr } from "../repr.js";
import { Pseudo, type Block } from "./ir.js";
import type { Position } from "./unit.js";
import { type Compiler, type Node, visitStmt, jumpIf, addCompare } from "./codegen.js";
import { visitExpr } from "./codegen-expr.js";

/** compile.c's pattern_context: what a failure must pop, and the names captured so far. */
interface PatternContext {
  /** Names captured so far, in stack order (their values sit under `onTop` working items). */
  stores: string[];
  /** Whether an irrefutable pattern is allowed here (last case, guarded case, sub-patterns). */
  allowIrrefutable: boolean;
  /** fail_pop[n] pops n items and falls into fail_pop[n - 1]; fail_pop[0] is the failure exit. */
  failPop: Block[];
  /** Items on the stack above the captures that a failure must also pop. */
  onTop: number;
}

/** `_` (MatchAs with neither pattern nor name). */
function isWildcard(p: Node): boolean {
  return p._type === "MatchAs" && !p.name;
}

/** `*_` */
function isStarWildcard(p: Node): boolean {
  return p._type === "MatchStar" && !p.name;
}

const COMPARE_EQ = { _type: "Eq" };
const COMPARE_GTE = { _type: "GtE" };
const COMPARE_IS = { _type: "Is" };
const BINARY_SUB = 10;
const INT_MAX = 2 ** 31 - 1;

/** compiler_match */
export function compileMatch(c: Compiler, s: Node): void {
  const u = c.u;
  const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
  visitExpr(c, s.subject);
  const end = u.newBlock();
  const cases = s.cases as Node[];
  const n = cases.length;
  const hasDefault = isWildcard(cases[n - 1].pattern) && n > 1;
  for (let i = 0; i < n - (hasDefault ? 1 : 0); i++) {
    const m = cases[i];
    const lastTested = i === n - (hasDefault ? 1 : 0) - 1;
    c.u.setLoc(m.pattern);
    // The subject is copied for every case but the last one tested.
    if (!lastTested) c.u.op(Op.COPY, 1);
    pc.stores = [];
    // Irrefutable cases must be guarded, last, or both.
    pc.allowIrrefutable = m.guard !== null || i === n - 1;
    pc.failPop = [];
    pc.onTop = 0;
    compilePattern(c, m.pattern, pc);
    // A match: store the captured names (their values are on the stack, first capture deepest).
    for (const name of pc.stores) c.nameop(name, "Store");
    if (m.guard) {
      ensureFailPop(c, pc, 0);
      jumpIf(c, m.guard, pc.failPop[0], false);
    }
    if (!lastTested) c.u.op(Op.POP_TOP);
    for (const st of m.body) visitStmt(c, st);
    c.u.unsetLoc();
    c.u.jump(Pseudo.JUMP, end);
    // A failed pattern's cleanup belongs to the pattern's line, not the body's last one.
    c.u.setLoc(m.pattern);
    emitAndResetFailPop(c, pc);
  }
  if (hasDefault) {
    // A trailing `case _:` needs no copy of the subject and no pops.
    const m = cases[n - 1];
    c.u.setLoc(m.pattern);
    if (n === 1) c.u.op(Op.POP_TOP);
    else c.u.op(Op.NOP); // line coverage for the default case
    if (m.guard) jumpIf(c, m.guard, end, false);
    for (const st of m.body) visitStmt(c, st);
  }
  c.u.useNextBlock(end);
}

// ── fail_pop blocks ───────────────────────────────────────────────────────────────────────────

/** ensure_fail_pop: blocks fail_pop[0..n] exist (allocated in index order, as compile.c does). */
function ensureFailPop(c: Compiler, pc: PatternContext, n: number): void {
  while (pc.failPop.length < n + 1) pc.failPop.push(c.u.newBlock());
}

/** jump_to_fail_pop: on failure, pop the working items and the captures made so far. */
function jumpToFailPop(c: Compiler, pc: PatternContext, op: number): void {
  const pops = pc.onTop + pc.stores.length;
  ensureFailPop(c, pc, pops);
  c.u.jump(op, pc.failPop[pops]);
  // 3.11's CFG wants a jump to end its block.
  c.u.nextBlock();
}

/** emit_and_reset_fail_pop: the chain of POP_TOP blocks, deepest first, ending at fail_pop[0]. */
function emitAndResetFailPop(c: Compiler, pc: PatternContext): void {
  if (!pc.failPop.length) return;
  for (let i = pc.failPop.length - 1; i > 0; i--) {
    c.u.useNextBlock(pc.failPop[i]);
    c.u.op(Op.POP_TOP);
  }
  c.u.useNextBlock(pc.failPop[0]);
  pc.failPop = [];
}

// ── names ─────────────────────────────────────────────────────────────────────────────────────

/** pattern_helper_rotate: 3.10's ROT_N as a run of SWAPs. */
function rotate(c: Compiler, count: number): void {
  while (count > 1) c.u.op(Op.SWAP, count--);
}

/** forbidden_name (Store) */
function checkForbiddenName(c: Compiler, name: string): void {
  if (name === "__debug__") throw c.error("cannot assign to __debug__");
}

function duplicateStore(c: Compiler, name: string): Error {
  return c.error(`multiple assignments to name ${pyRepr(name)} in pattern`);
}

/** pattern_helper_store_name: keep the value on the stack, under everything still in use. */
function storeName(c: Compiler, name: string | null, pc: PatternContext): void {
  if (name === null || name === undefined) {
    c.u.op(Op.POP_TOP);
    return;
  }
  checkForbiddenName(c, name);
  if (pc.stores.includes(name)) throw duplicateStore(c, name);
  rotate(c, pc.onTop + pc.stores.length + 1);
  pc.stores.push(name);
}

// ── patterns ──────────────────────────────────────────────────────────────────────────────────

/** compiler_pattern: the location is set and left set (later instructions inherit it). */
function compilePattern(c: Compiler, p: Node, pc: PatternContext): void {
  c.u.setLoc(p as Position);
  switch (p._type) {
    case "MatchValue":
      return patternValue(c, p, pc);
    case "MatchSingleton":
      c.loadConst(p.value as PyObject);
      addCompare(c, COMPARE_IS);
      return jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
    case "MatchSequence":
      return patternSequence(c, p, pc);
    case "MatchMapping":
      return patternMapping(c, p, pc);
    case "MatchClass":
      return patternClass(c, p, pc);
    case "MatchStar":
      return storeName(c, p.name, pc);
    case "MatchAs":
      return patternAs(c, p, pc);
    case "MatchOr":
      return patternOr(c, p, pc);
  }
  throw new Error(`compiler: invalid match pattern node type (${p._type})`);
}

/** compiler_pattern_subpattern: a sub-pattern may always be irrefutable. */
function compileSubpattern(c: Compiler, p: Node, pc: PatternContext): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  compilePattern(c, p, pc);
  pc.allowIrrefutable = allow;
}

function patternValue(c: Compiler, p: Node, pc: PatternContext): void {
  const value = p.value;
  if (value._type !== "Constant" && value._type !== "Attribute") {
    throw c.error("patterns may only match literals and attribute lookups");
  }
  visitExpr(c, value);
  addCompare(c, COMPARE_EQ);
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
}

function patternAs(c: Compiler, p: Node, pc: PatternContext): void {
  if (p.pattern === null) {
    if (!pc.allowIrrefutable) {
      if (p.name) throw c.error(`name capture ${pyRepr(p.name)} makes remaining patterns unreachable`);
      throw c.error("wildcard makes remaining patterns unreachable");
    }
    return storeName(c, p.name, pc);
  }
  // A copy of the subject, stored under the name once the inner pattern matched.
  pc.onTop++;
  c.u.op(Op.COPY, 1);
  compilePattern(c, p.pattern, pc);
  pc.onTop--;
  storeName(c, p.name, pc);
}

function patternSequence(c: Compiler, p: Node, pc: PatternContext): void {
  const patterns = p.patterns as Node[];
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  for (let i = 0; i < size; i++) {
    const sub = patterns[i];
    if (sub._type === "MatchStar") {
      if (star >= 0) throw c.error("multiple starred names in sequence pattern");
      starWildcard = isStarWildcard(sub);
      onlyWildcard = onlyWildcard && starWildcard;
      star = i;
      continue;
    }
    onlyWildcard = onlyWildcard && isWildcard(sub);
  }
  // The subject stays on top through the type and length checks.
  pc.onTop++;
  c.u.op(Op.MATCH_SEQUENCE);
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  if (star < 0) {
    c.u.op(Op.GET_LEN);
    c.loadConst(BigInt(size));
    addCompare(c, COMPARE_EQ);
    jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    c.u.op(Op.GET_LEN);
    c.loadConst(BigInt(size - 1));
    addCompare(c, COMPARE_GTE);
    jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  }
  pc.onTop--;
  if (onlyWildcard) {
    // [] / [_] / [_, *_] / ...: nothing to extract.
    c.u.op(Op.POP_TOP);
  } else if (starWildcard) {
    sequenceSubscr(c, patterns, star, pc);
  } else {
    sequenceUnpack(c, patterns, pc);
  }
}

/** pattern_unpack_helper */
function unpackSequence(c: Compiler, patterns: Node[]): void {
  const n = patterns.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    if (patterns[i]._type !== "MatchStar") continue;
    if (seenStar) throw c.error("multiple starred expressions in sequence pattern");
    if (i >= 1 << 8 || n - i - 1 >= INT_MAX >> 8) throw c.error("too many expressions in star-unpacking sequence pattern");
    c.u.op(Op.UNPACK_EX, i + ((n - i - 1) << 8));
    seenStar = true;
  }
  if (!seenStar) c.u.op(Op.UNPACK_SEQUENCE, n);
}

/** pattern_helper_sequence_unpack: every element becomes a subject of its own. */
function sequenceUnpack(c: Compiler, patterns: Node[], pc: PatternContext): void {
  unpackSequence(c, patterns);
  pc.onTop += patterns.length;
  for (const sub of patterns) {
    pc.onTop--;
    compileSubpattern(c, sub, pc);
  }
}

/** pattern_helper_sequence_subscr: with a `*_`, index the needed elements instead of unpacking. */
function sequenceSubscr(c: Compiler, patterns: Node[], star: number, pc: PatternContext): void {
  pc.onTop++;
  const size = patterns.length;
  for (let i = 0; i < size; i++) {
    const sub = patterns[i];
    if (isWildcard(sub) || i === star) continue;
    c.u.op(Op.COPY, 1);
    if (i < star) {
      c.loadConst(BigInt(i));
    } else {
      // The subject may not support negative indices: len(subject) - (size - i).
      c.u.op(Op.GET_LEN);
      c.loadConst(BigInt(size - i));
      c.u.op(Op.BINARY_OP, BINARY_SUB);
    }
    c.u.op(Op.BINARY_SUBSCR);
    compileSubpattern(c, sub, pc);
  }
  pc.onTop--;
  c.u.op(Op.POP_TOP);
}

/** validate_kwd_attrs: errors point at the keyword's pattern (the parser keeps no node for the name). */
function validateKwdAttrs(c: Compiler, attrs: string[], patterns: Node[]): void {
  for (let i = 0; i < attrs.length; i++) {
    c.u.setLoc(patterns[i]);
    checkForbiddenName(c, attrs[i]);
    for (let j = i + 1; j < attrs.length; j++) {
      if (attrs[i] === attrs[j]) {
        c.u.setLoc(patterns[j]);
        throw c.error(`attribute name repeated in class pattern: ${attrs[i]}`);
      }
    }
  }
}

function patternClass(c: Compiler, p: Node, pc: PatternContext): void {
  const patterns = p.patterns as Node[];
  const kwdAttrs = p.kwd_attrs as string[];
  const kwdPatterns = p.kwd_patterns as Node[];
  const nargs = patterns.length;
  const nattrs = kwdAttrs.length;
  if (nattrs !== kwdPatterns.length) {
    throw c.error(`kwd_attrs (${nattrs}) / kwd_patterns (${kwdPatterns.length}) length mismatch in class pattern`);
  }
  if (nattrs) {
    validateKwdAttrs(c, kwdAttrs, kwdPatterns);
    c.u.setLoc(p as Position);
  }
  visitExpr(c, p.cls);
  c.loadConst([...kwdAttrs]);
  c.u.op(Op.MATCH_CLASS, nargs);
  c.u.op(Op.COPY, 1);
  c.loadConst(null);
  c.u.op(Op.IS_OP, 1);
  // On top: a tuple of the nargs + nattrs attributes (or None).
  pc.onTop++;
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  c.u.op(Op.UNPACK_SEQUENCE, nargs + nattrs);
  pc.onTop += nargs + nattrs - 1;
  for (let i = 0; i < nargs + nattrs; i++) {
    pc.onTop--;
    const sub = i < nargs ? patterns[i] : kwdPatterns[i - nargs];
    if (isWildcard(sub)) {
      c.u.op(Op.POP_TOP);
      continue;
    }
    compileSubpattern(c, sub, pc);
  }
}

function patternMapping(c: Compiler, p: Node, pc: PatternContext): void {
  const keys = p.keys as Node[];
  const patterns = p.patterns as Node[];
  let size = keys.length;
  if (size !== patterns.length) {
    throw c.error(`keys (${size}) / patterns (${patterns.length}) length mismatch in mapping pattern`);
  }
  const starTarget: string | null = p.rest ?? null;
  // The subject stays on top through the type and length checks.
  pc.onTop++;
  c.u.op(Op.MATCH_MAPPING);
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  if (!size && !starTarget) {
    // `{}`: done, pop the subject.
    pc.onTop--;
    c.u.op(Op.POP_TOP);
    return;
  }
  if (size) {
    c.u.op(Op.GET_LEN);
    c.loadConst(BigInt(size));
    addCompare(c, COMPARE_GTE);
    jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  }
  if (size - 1 > INT_MAX) throw c.error("too many sub-patterns in mapping pattern");
  // The keys go into one tuple for MATCH_KEYS (and for **rest); literal keys must be distinct.
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    const key = keys[i];
    if (key === null) {
      c.u.setLoc(patterns[i]);
      throw c.error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    }
    if (key._type === "Constant") {
      const k = constKey(key.value);
      if (k !== null && seen.has(k)) throw c.error(`mapping pattern checks duplicate key (${pyRepr(key.value)})`);
      if (k !== null) seen.add(k);
    } else if (key._type !== "Attribute") {
      throw c.error("mapping pattern keys may only match literals and attribute lookups");
    }
    visitExpr(c, key);
  }
  c.u.op(Op.BUILD_TUPLE, size);
  c.u.op(Op.MATCH_KEYS);
  // Now a tuple of keys and a tuple of values (or None) sit on the subject.
  pc.onTop += 2;
  c.u.op(Op.COPY, 1);
  c.loadConst(null);
  c.u.op(Op.IS_OP, 1);
  jumpToFailPop(c, pc, Pseudo.POP_JUMP_IF_FALSE);
  c.u.op(Op.UNPACK_SEQUENCE, size);
  pc.onTop += size - 1;
  for (let i = 0; i < size; i++) {
    pc.onTop--;
    compileSubpattern(c, patterns[i], pc);
  }
  // A match: what follows consumes the keys tuple and the subject.
  pc.onTop -= 2;
  if (starTarget) {
    // rest = dict(subject); then `del rest[key]` for each matched key.
    c.u.op(Op.BUILD_MAP, 0);
    c.u.op(Op.SWAP, 3);
    c.u.op(Op.DICT_UPDATE, 2);
    c.u.op(Op.UNPACK_SEQUENCE, size);
    while (size) {
      c.u.op(Op.COPY, 1 + size--);
      c.u.op(Op.SWAP, 2);
      c.u.op(Op.DELETE_SUBSCR);
    }
    storeName(c, starTarget, pc);
  } else {
    c.u.op(Op.POP_TOP); // the keys tuple
    c.u.op(Op.POP_TOP); // the subject
  }
}

/**
 * A key under which equal Python constants coincide (1 == 1.0 == True == 1+0j, as in the set
 * compile.c checks duplicates with); null for a NaN, which equals nothing.
 */
function constKey(v: PyObject): string | null {
  if (typeof v === "boolean") return `n${v ? 1 : 0}`;
  if (typeof v === "bigint") return `n${v}`;
  if (typeof v === "number") return numberKey(v);
  if (v instanceof PyComplex) {
    if (v.imag !== 0 || Number.isNaN(v.imag)) {
      const re = numberKey(v.real);
      return re === null || Number.isNaN(v.imag) ? null : `c${re},${numberKey(v.imag)}`;
    }
    return numberKey(v.real);
  }
  if (typeof v === "string") return `s${v}`;
  if (v instanceof SurrogateStr) return `s${pyRepr(v)}`;
  if (v instanceof Uint8Array) return `b${Array.from(v).join(",")}`;
  return `o${pyRepr(v)}`;
}

function numberKey(x: number): string | null {
  if (Number.isNaN(x)) return null;
  if (Number.isInteger(x)) return `n${BigInt(x)}`;
  return `f${x}`;
}

function patternOr(c: Compiler, p: Node, pc: PatternContext): void {
  const end = c.u.newBlock();
  const alts = p.patterns as Node[];
  const size = alts.length;
  // Every alternative gets a fresh context; the outer one comes back afterwards.
  const old = { ...pc };
  // The names the first alternative binds: the others must bind the same, and are reordered to match.
  let control: string[] | null = null;
  for (let i = 0; i < size; i++) {
    const alt = alts[i];
    c.u.setLoc(alt as Position);
    pc.stores = [];
    // An irrefutable alternative must be the last one, if allowed at all.
    pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
    pc.failPop = [];
    pc.onTop = 0;
    c.u.op(Op.COPY, 1);
    compilePattern(c, alt, pc);
    const nstores = pc.stores.length;
    if (control === null) {
      control = pc.stores;
    } else if (nstores !== control.length) {
      throw c.error("alternative patterns bind different names");
    } else if (nstores) {
      for (let icontrol = nstores - 1; icontrol >= 0; icontrol--) {
        const name = control[icontrol];
        const istores = pc.stores.indexOf(name);
        if (istores < 0) throw c.error("alternative patterns bind different names");
        if (icontrol !== istores) {
          // Move this alternative's captures into the control order: rotate the first
          // istores + 1 of them up to just below position icontrol, on the list and on the stack.
          const rotations = istores + 1;
          const rotated = pc.stores.splice(0, rotations);
          pc.stores.splice(icontrol - istores, 0, ...rotated);
          for (let r = 0; r < rotations; r++) rotate(c, icontrol + 1);
        }
      }
    }
    c.u.jump(Pseudo.JUMP, end);
    c.u.nextBlock();
    emitAndResetFailPop(c, pc);
  }
  pc.stores = old.stores;
  pc.allowIrrefutable = old.allowIrrefutable;
  pc.failPop = old.failPop;
  pc.onTop = old.onTop;
  // No alternative matched: pop the remaining copy of the subject and fail.
  c.u.op(Op.POP_TOP);
  jumpToFailPop(c, pc, Pseudo.JUMP);
  c.u.useNextBlock(end);
  const captured = control!;
  // Between the new captures and where they belong: the other new captures, the subject's copy,
  // the working items and the earlier captures.
  const nrots = captured.length + 1 + pc.onTop + pc.stores.length;
  for (const name of captured) {
    rotate(c, nrots);
    if (pc.stores.includes(name)) throw duplicateStore(c, name);
    pc.stores.push(name);
  }
  // Pop the copy of the subject.
  c.u.op(Op.POP_TOP);
}
