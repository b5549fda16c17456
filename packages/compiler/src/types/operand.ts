/**
 * Operands: the result of evaluating an expression (types2's operand.go).
 *
 * An operand has a mode (what kind of thing it is: a type, a constant, an
 * addressable variable, a plain value, ...), a type, and for constants a
 * value. Invalid operands never produce further errors (no cascades).
 */
import type { Value } from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { exprString } from "../syntax/printer.js";
import type { BuiltinId } from "./object.js";
import { Basic, BasicInfo, BasicKind, type Type, Typ, TypeParam } from "./type.js";
import { typeString, type Qualifier } from "./typestring.js";
import { isGeneric } from "./predicates.js";

export const enum Mode {
  Invalid = 0,
  NoValue,
  Builtin,
  TypExpr,
  Constant,
  Variable,
  MapIndex,
  Value,
  NilValue,
  CommaOk,
  CommaErr,
}

const modeString = [
  "invalid operand",
  "no value",
  "built-in",
  "type",
  "constant",
  "variable",
  "map index expression",
  "value",
  "nil",
  "comma, ok expression",
  "comma, error expression",
];

export class Operand {
  declare mode: Mode;
  declare expr: ast.Expr | null;
  declare type: Type;
  /** constant value (mode Constant only) */
  declare val: Value | null;
  /** builtin id (mode Builtin only) */
  declare id: BuiltinId;

  constructor() {
    this.mode = Mode.Invalid;
    this.expr = null;
    this.type = Typ[BasicKind.Invalid];
    this.val = null;
    this.id = 0 as BuiltinId;
  }

  invalidate(): void {
    this.mode = Mode.Invalid;
  }

  assign(y: Operand): void {
    this.mode = y.mode;
    this.expr = y.expr;
    this.type = y.type;
    this.val = y.val;
    this.id = y.id;
  }

  clone(): Operand {
    const o = new Operand();
    o.assign(this);
    return o;
  }

  isNil(): boolean {
    return this.mode === Mode.NilValue;
  }
}

/** Renders an operand as types2 does in messages, e.g. `x (variable of type int)`. */
export function operandString(x: Operand, qf: Qualifier | null): string {
  if (x.mode === Mode.NilValue) {
    const t = x.type;
    if (t instanceof Basic && t.kind === BasicKind.Invalid) return "nil (with invalid type)";
    if (t instanceof Basic && t.kind === BasicKind.UntypedNil) return "nil";
    return `nil (of type ${typeString(t, qf)})`;
  }
  let expr = "";
  if (x.expr !== null) expr = exprString(x.expr);
  else if (x.mode === Mode.TypExpr) expr = typeString(x.type, qf);
  else if (x.mode === Mode.Constant && x.val !== null) expr = x.val.toString();

  let s = "";
  if (expr !== "") s += expr + " (";
  let hasType = false;
  switch (x.mode) {
    case Mode.Invalid:
    case Mode.NoValue:
    case Mode.Builtin:
    case Mode.TypExpr:
      break;
    default: {
      const t = x.type;
      if (t instanceof Basic && t.info & BasicInfo.IsUntyped) {
        s += t.name + " ";
      } else if (t instanceof Basic && t.kind === BasicKind.UntypedNil) {
        s += t.name + " ";
      } else hasType = true;
    }
  }
  s += modeString[x.mode];
  if (x.mode === Mode.Constant && x.val !== null) {
    const vs = x.val.toString();
    if (vs !== expr) s += " " + vs;
  }
  if (hasType) {
    const t = x.type;
    if (!(t instanceof Basic && t.kind === BasicKind.Invalid)) {
      s += isGeneric(t) ? " of parameterized type " : " of type ";
      s += typeString(t, qf);
      if (t instanceof TypeParam) s += " constrained by " + typeString(t.bound, qf);
    } else s += " with invalid type";
  }
  if (expr !== "") s += ")";
  return s;
}
