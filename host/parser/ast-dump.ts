/**
 * ast.dump for our AST objects: astDump(node, opts) prints exactly what CPython 3.11's
 * `ast.dump(node, annotate_fields, include_attributes, indent=indent)` prints for the same tree, so
 * trees can be compared with CPython's as text.
 *
 * The rules, as Lib/ast.py's dump has them:
 *  - fields in _fields order as `name=value`; a field holding None whose class default is None (an
 *    ASDL `?` field) is left out; a field missing from the object (undefined) is left out too. With
 *    annotateFields false, fields are positional until the first one left out, keywords after it.
 *  - with includeAttributes, the _attributes that are present follow, always as keywords (None
 *    skipped for the optional end_lineno / end_col_offset).
 *  - a node prints on one line when all its parts are "simple" (reprs, empty lists, nodes without
 *    arguments) and there are at most 3; otherwise, with an indent, each part goes on its own line.
 *  - lists print as [a, b] (or one item per line with an indent); [] for an empty list.
 *  - leaf values print with repr(): Constant values per the host value model, identifiers and
 *    strings as str reprs, ASDL `int` fields (lineno, level, conversion, is_async) as integers.
 */
import { PyError } from "../errors.js";
import { pyRepr } from "../repr.js";
import type { PyObject } from "../objects.js";
import { NODE_SPECS, type NodeSpec } from "./ast.generated.js";

export interface AstDumpOptions {
  /** ast.dump's include_attributes (default false) */
  includeAttributes?: boolean;
  /** ast.dump's indent: a number of spaces or the indent string; absent = single line */
  indent?: number | string;
  /** ast.dump's annotate_fields (default true) */
  annotateFields?: boolean;
}

/**
 * An AST node as ast-dump reads it: CPython's class name in `_type`, fields and attributes by name
 * (any interface of ast.generated.ts fits; no index signature, which interfaces would not satisfy).
 */
export interface DumpableNode {
  readonly _type: string;
}

type NodeFields = DumpableNode & { readonly [field: string]: unknown };

/** NODE_SPECS with the optional names as sets (looked up for every None value). */
interface DumpSpec {
  readonly spec: NodeSpec;
  readonly optional: ReadonlySet<string>;
}

const DUMP_SPECS = new Map<string, DumpSpec>(
  Object.entries(NODE_SPECS).map(([name, spec]) => [name, { spec, optional: new Set(spec.optional) }]),
);

export function astDump(node: DumpableNode, opts: AstDumpOptions = {}): string {
  if (!isNode(node)) throw new PyError("TypeError", `expected AST, got ${describe(node)}`);
  const indent =
    opts.indent === undefined ? null : typeof opts.indent === "string" ? opts.indent : " ".repeat(Math.max(0, opts.indent));
  const dumper = new Dumper(indent, opts.annotateFields ?? true, opts.includeAttributes ?? false);
  return dumper.format(node, 0, null).text;
}

interface Formatted {
  text: string;
  /** dump's `simple`: a repr, an empty list or a node without arguments */
  simple: boolean;
}

function isNode(v: unknown): v is NodeFields {
  return typeof v === "object" && v !== null && typeof (v as { _type?: unknown })._type === "string";
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "'NoneType'";
  return `'${typeof v}'`;
}

class Dumper {
  constructor(
    private readonly indent: string | null,
    private readonly annotateFields: boolean,
    private readonly includeAttributes: boolean,
  ) {}

  /** `asdlType` is the ASDL type of the field the value came from (null at the root). */
  format(value: unknown, level: number, asdlType: string | null): Formatted {
    let prefix = "";
    let sep = ", ";
    if (this.indent !== null) {
      level += 1;
      prefix = "\n" + this.indent.repeat(level);
      sep = ",\n" + this.indent.repeat(level);
    }
    if (isNode(value)) return this.formatNode(value, level, prefix, sep);
    if (Array.isArray(value)) {
      if (value.length === 0) return { text: "[]", simple: true };
      const items = value.map((x) => this.format(x, level, asdlType).text);
      return { text: "[" + prefix + items.join(sep) + "]", simple: false };
    }
    return { text: leafRepr(value, asdlType), simple: true };
  }

  private formatNode(node: NodeFields, level: number, prefix: string, sep: string): Formatted {
    const dumpSpec = DUMP_SPECS.get(node._type);
    if (dumpSpec === undefined) throw new PyError("TypeError", `unknown AST node type ${node._type}`);
    const { spec, optional } = dumpSpec;
    const args: string[] = [];
    let allSimple = true;
    let keywords = this.annotateFields;
    for (let i = 0; i < spec.fields.length; i++) {
      const name = spec.fields[i];
      const value = node[name];
      if (value === undefined || (value === null && optional.has(name))) {
        keywords = true;
        continue;
      }
      const f = this.format(value, level, spec.types[i]);
      allSimple &&= f.simple;
      args.push(keywords ? name + "=" + f.text : f.text);
    }
    if (this.includeAttributes) {
      for (const name of spec.attributes) {
        const value = node[name];
        if (value === undefined || (value === null && optional.has(name))) continue;
        const f = this.format(value, level, "int");
        allSimple &&= f.simple;
        args.push(name + "=" + f.text);
      }
    }
    if (allSimple && args.length <= 3) {
      return { text: node._type + "(" + args.join(", ") + ")", simple: args.length === 0 };
    }
    return { text: node._type + "(" + prefix + args.join(sep) + ")", simple: false };
  }
}

/** repr() of a leaf value. A JS number is a Python int in an ASDL `int` field, a float elsewhere. */
function leafRepr(value: unknown, asdlType: string | null): string {
  if (asdlType === "int" && typeof value === "number" && Number.isInteger(value)) {
    return BigInt(value).toString(); // exact digits even past 2**53 (String gives "1e+21")
  }
  return pyRepr(value as PyObject);
}
