/**
 * Function and lambda parameter lists (python.gram `parameters` / `lambda_parameters` and their
 * slash/star/kwds sub-rules) producing an `arguments` node (which has no location).
 * The grammar's alternatives accept exactly: [posonly params '/'] params [star_etc], with defaults
 * never followed by a non-default; this reads the same language left to right.
 */

import { Parser, type Node } from "./parser.js";
import { expression, starExpression, emptyArguments } from "./parse-expr.js";
import * as inv from "./parse-invalid.js";

interface Param {
  arg: Node;
  dflt: Node;
}

/** The token that ends the list: ')' for def, ':' for lambda (the `&')'` lookaheads). */
function closer(lambda: boolean): string {
  return lambda ? ":" : ")";
}

/** param: NAME annotation? (lambda_param: NAME); star=true allows `: *Ts` (param_star_annotation) */
function param(p: Parser, lambda: boolean, starAnnotation: boolean): Node {
  const n = p.name();
  if (!n) return null;
  let annotation: Node = null;
  if (!lambda) {
    const m = p.pos;
    if (p.op(":")) {
      annotation = starAnnotation ? starExpression(p) : expression(p);
      if (!annotation) p.pos = m;
    }
  }
  return p.loc({ _type: "arg", arg: n.string, annotation, type_comment: null }, n);
}

/** param [default] followed by ',' or the closer; `needDefault`: only param_with_default. */
function paramItem(p: Parser, lambda: boolean, mode: "no" | "with" | "maybe", starAnnotation = false): Param | null {
  const start = p.pos;
  const arg = param(p, lambda, starAnnotation);
  if (!arg) return null;
  let dflt: Node = null;
  if (mode !== "no") {
    const m = p.pos;
    if (p.op("=")) {
      dflt = expression(p);
      if (!dflt) {
        p.pos = m;
        if (p.callInvalid) {
          inv.invalidDefault(p);
          p.pos = m;
        }
      }
    }
    if (mode === "with" && !dflt) {
      p.pos = start;
      return null;
    }
  } else if (p.isOp("=")) {
    p.pos = start;
    return null;
  }
  if (p.op(",")) return { arg, dflt };
  if (p.isOp(closer(lambda))) return { arg, dflt };
  p.pos = start;
  return null;
}

/** Plain params: no-default ones then default ones (param_no_default* param_with_default*). */
function paramRun(p: Parser, lambda: boolean, defaultsOnly: boolean): Param[] {
  const out: Param[] = [];
  let sawDefault = defaultsOnly;
  for (;;) {
    const m = p.pos;
    const it = paramItem(p, lambda, sawDefault ? "with" : "maybe");
    if (!it) {
      p.pos = m;
      break;
    }
    if (it.dflt) sawDefault = true;
    out.push(it);
  }
  return out;
}

/** parameters / lambda_parameters */
export function parameters(p: Parser, lambda: boolean): Node {
  const start = p.pos;
  if (p.callInvalid) {
    if (lambda) inv.invalidLambdaParameters(p);
    else inv.invalidParameters(p);
    p.pos = start;
  }
  const args = emptyArguments();
  let first = paramRun(p, lambda, false);
  let sawDefault = first.some((x) => x.dflt);
  // slash_no_default / slash_with_default: '/' then ',' or the closer
  if (first.length > 0 && p.isOp("/")) {
    const m = p.pos;
    p.pos++;
    if (p.op(",") || p.isOp(closer(lambda))) {
      args.posonlyargs = first.map((x) => x.arg);
      for (const x of first) if (x.dflt) args.defaults.push(x.dflt);
      first = paramRun(p, lambda, sawDefault);
      sawDefault = sawDefault || first.some((x) => x.dflt);
    } else {
      p.pos = m;
    }
  }
  args.args = first.map((x) => x.arg);
  for (const x of first) if (x.dflt) args.defaults.push(x.dflt);
  const hadAny = args.posonlyargs.length + args.args.length > 0;
  const m = p.pos;
  if (!starEtc(p, lambda, args)) {
    p.pos = m;
    if (!hadAny) {
      p.pos = start;
      return null;
    }
  }
  return args;
}

/** star_etc: '*' param_no_default param_maybe_default* [kwds] | '*' ',' param_maybe_default+ [kwds] | kwds */
function starEtc(p: Parser, lambda: boolean, args: Node): boolean {
  const start = p.pos;
  if (p.callInvalid) {
    if (lambda) inv.invalidLambdaStarEtc(p);
    else inv.invalidStarEtc(p);
    p.pos = start;
  }
  if (p.op("*")) {
    if (p.op(",")) {
      const kw = maybeDefaults(p, lambda);
      if (kw.length === 0) {
        p.pos = start;
        return false;
      }
      pushKwonly(args, kw);
    } else {
      let va = paramItem(p, lambda, "no");
      if (!va && !lambda) va = paramItem(p, lambda, "no", true);
      if (!va) {
        p.pos = start;
        return false;
      }
      args.vararg = va.arg;
      pushKwonly(args, maybeDefaults(p, lambda));
    }
    const m = p.pos;
    if (!kwds(p, lambda, args)) p.pos = m;
    return true;
  }
  return kwds(p, lambda, args);
}

function maybeDefaults(p: Parser, lambda: boolean): Param[] {
  const out: Param[] = [];
  for (;;) {
    const m = p.pos;
    const it = paramItem(p, lambda, "maybe");
    if (!it) {
      p.pos = m;
      break;
    }
    out.push(it);
  }
  return out;
}

function pushKwonly(args: Node, kw: Param[]): void {
  for (const x of kw) {
    args.kwonlyargs.push(x.arg);
    args.kw_defaults.push(x.dflt);
  }
}

/** kwds: invalid_kwds | '**' param_no_default */
function kwds(p: Parser, lambda: boolean, args: Node): boolean {
  const start = p.pos;
  if (p.callInvalid) {
    if (lambda) inv.invalidLambdaKwds(p);
    else inv.invalidKwds(p);
    p.pos = start;
  }
  if (!p.op("**")) return false;
  const it = paramItem(p, lambda, "no");
  if (!it) {
    p.pos = start;
    return false;
  }
  args.kwarg = it.arg;
  return true;
}

