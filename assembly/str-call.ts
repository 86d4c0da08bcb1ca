/**
 * str(object='', encoding='utf-8', errors='strict') beyond the one-argument form: argument binding
 * with CPython's messages (PyArg_ParseTupleAndKeywords "|Oss:str"), then str(obj) or decoding.
 *
 * Entry point: strConstruct.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { kindOf, raiseBegin, raiseMsg, errText, errInt, errStrObject, errTypeName, KIND_STR, KIND_BYTES, KIND_BYTEARRAY, EXC_TypeError } from "./types";
import { incref } from "./refcount";
import { tupleSize, tupleItem } from "./tuple";
import { strEqualLiteral } from "./str";
import { arg } from "./native";
import { objStr } from "./ops";
import { strDecode } from "./bytes-ops";
import { N_EMPTY } from "./names";

/** The keyword's position among object/encoding/errors, or -1. */
function strKeyword(k: usize): i32 {
  if (strEqualLiteral(k, "object")) return 0;
  if (strEqualLiteral(k, "encoding")) return 1;
  return strEqualLiteral(k, "errors") ? 2 : -1;
}

function checkStrArg(v: Value, name: string): bool {
  if (v == NULL || (isObject(v) && kindOf(<usize>v) == KIND_STR)) return true;
  raiseBegin(EXC_TypeError);
  errText("str() argument '");
  errText(name);
  errText("' must be str, not ");
  if (v == NONE) errText("None"); // (the argument parser's wording)
  else errTypeName(v);
  return false;
}

/** str(...) with the native calling convention: a new reference, or NULL with the exception raised. */
export function strConstruct(args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  if (nargs + nkw > 3) {
    raiseBegin(EXC_TypeError);
    errText("str() takes at most 3 arguments (");
    errInt(nargs + nkw);
    errText(" given)");
    return NULL;
  }
  let obj: Value = nargs > 0 ? arg(args, 0) : NULL;
  let enc: Value = nargs > 1 ? arg(args, 1) : NULL;
  let errs: Value = nargs > 2 ? arg(args, 2) : NULL;
  for (let i = 0; i < nkw; i++) {
    const k = <usize>tupleItem(kwnames, i);
    const at = strKeyword(k);
    if (at < 0) {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObject(k);
      errText("' is an invalid keyword argument for str()");
      return NULL;
    }
    if (at < nargs) {
      raiseBegin(EXC_TypeError);
      errText("argument for str() given by name ('");
      errStrObject(k);
      errText("') and position (");
      errInt(at + 1);
      errText(")");
      return NULL;
    }
    const v = arg(args, nargs + i);
    if (at == 0) obj = v;
    else if (at == 1) enc = v;
    else errs = v;
  }
  if (!checkStrArg(enc, "encoding") || !checkStrArg(errs, "errors")) return NULL;
  if (obj == NULL) {
    incref(<Value>N_EMPTY);
    return <Value>N_EMPTY;
  }
  if (enc == NULL && errs == NULL) return <Value>objStr(obj);
  if (isObject(obj)) {
    const k = kindOf(<usize>obj);
    if (k == KIND_BYTES || k == KIND_BYTEARRAY) return strDecode(<usize>obj, enc, errs);
    if (k == KIND_STR) return raiseMsg(EXC_TypeError, "decoding str is not supported");
  }
  raiseBegin(EXC_TypeError);
  errText("decoding to str: need a bytes-like object, ");
  errTypeName(obj);
  errText(" found");
  return NULL;
}
