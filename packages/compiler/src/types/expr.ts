/**
 * Expressions (types2's expr.go and const.go): operand evaluation for every
 * expression kind, unary/binary operators, shifts, comparisons, untyped
 * constant conversion with delayed typing of untyped expressions
 * (updateExprType), representability and overflow checks, composite
 * literals, function literals, type assertions.
 */
import {
  Kind,
  type Value,
  binaryOp,
  bitLen,
  compare,
  float32Val,
  float64Val,
  imag,
  int64Val,
  makeBool,
  makeFloat64,
  makeFromLiteral,
  makeImag,
  makeUnknown,
  real,
  shift as constShift,
  sign,
  toComplex,
  toFloat,
  toInt,
  uint64Val,
  unaryOp,
  stringVal,
  boolVal,
  type BinaryOperator,
  type CompareOperator,
  type UnaryOperator,
} from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { nodePos, unparen } from "../syntax/ast.js";
import { assignment } from "./assignments.js";
import { callExpr, selector, funcInst } from "./call.js";
import type { Checker } from "./checker.js";
import { indexExpr, sliceExpr, indexedElts } from "./indexexpr.js";
import { assertableTo, missingMethodReason } from "./lookup.js";
import { Var } from "./object.js";
import { Mode, Operand } from "./operand.js";
import {
  allBoolean,
  allInteger,
  allNumeric,
  allNumericOrString,
  allOrdered,
  allString,
  allUnsigned,
  coreType,
  defaultType,
  hasNil,
  identical,
  incomparableCause,
  isBoolean,
  isComparable,
  isComplex,
  isFloat,
  isGeneric,
  isInteger,
  isNonTypeParamInterface,
  isNumeric,
  isString,
  isTyped,
  isUnsigned,
  isUntyped,
  kindString,
  underIs,
  underT,
} from "./predicates.js";
import { funcBody } from "./stmt.js";
import { assignableTo } from "./assignments.js";
import {
  Array,
  Basic,
  BasicInfo,
  BasicKind,
  Chan,
  ChanDir,
  Interface,
  MapType,
  Named,
  Pointer,
  Signature,
  Slice,
  Struct,
  Tuple,
  Typ,
  TypeParam,
  type Type,
  isInvalid,
} from "./type.js";
import { computeInterfaceTypeSet, typeSetUnderIs } from "./typeset.js";
import { ident, typ as typExpr, underConstruction, varType, validVarType } from "./typexpr.js";

/** How an expression was used: conversions and statements (calls, receives) differ from other expressions. */
export const enum ExprKind {
  Conversion,
  Expression,
  Statement,
}

// ---- constants ---------------------------------------------------------------

function sizeofBasic(k: BasicKind): number {
  switch (k) {
    case BasicKind.Int8:
    case BasicKind.Uint8:
      return 1;
    case BasicKind.Int16:
    case BasicKind.Uint16:
      return 2;
    case BasicKind.Int32:
    case BasicKind.Uint32:
    case BasicKind.Float32:
      return 4;
    default:
      return 8;
  }
}

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

function roundFloat(x: Value, bits: 32 | 64): Value | null {
  const [f] = bits === 32 ? float32Val(x) : float64Val(x);
  if (!Number.isFinite(f)) return null;
  const r = f;
  if (!Number.isFinite(r)) return null;
  return makeFloat64(r);
}

/** Whether constant x is representable by basic type t; stores the rounded value in rounded.v. */
export function representableConst(x: Value, check: Checker | null, t: Basic, rounded: { v: Value } | null): boolean {
  void check;
  if (x.kind === Kind.Unknown) return true;
  const info = t.info;
  if (info & BasicInfo.IsInteger) {
    const v = toInt(x);
    if (v.kind !== Kind.Int) return false;
    if (rounded !== null) rounded.v = v;
    if (t.kind === BasicKind.UntypedInt || t.kind === BasicKind.UntypedRune) return true;
    const [n, ok] = int64Val(v);
    if (ok) {
      switch (t.kind) {
        case BasicKind.Int:
        case BasicKind.Int64:
          return n >= I64_MIN && n <= I64_MAX;
        case BasicKind.Int8:
          return n >= -128n && n <= 127n;
        case BasicKind.Int16:
          return n >= -32768n && n <= 32767n;
        case BasicKind.Int32:
          return n >= -2147483648n && n <= 2147483647n;
        case BasicKind.Uint:
        case BasicKind.Uintptr:
        case BasicKind.Uint64:
          return n >= 0n;
        case BasicKind.Uint8:
          return n >= 0n && n <= 255n;
        case BasicKind.Uint16:
          return n >= 0n && n <= 65535n;
        case BasicKind.Uint32:
          return n >= 0n && n <= 4294967295n;
      }
      return false;
    }
    switch (t.kind) {
      case BasicKind.Uint:
      case BasicKind.Uintptr:
      case BasicKind.Uint64:
        return sign(v) >= 0 && bitLen(v) <= 64;
    }
    return false;
  }
  if (info & BasicInfo.IsFloat) {
    const v = toFloat(x);
    if (v.kind !== Kind.Float) return false;
    if (t.kind === BasicKind.UntypedFloat) return true;
    const r = roundFloat(v, t.kind === BasicKind.Float32 ? 32 : 64);
    if (r === null) return false;
    if (rounded !== null) rounded.v = r;
    return true;
  }
  if (info & BasicInfo.IsComplex) {
    const v = toComplex(x);
    if (v.kind !== Kind.Complex) return false;
    if (t.kind === BasicKind.UntypedComplex) return true;
    const bits = t.kind === BasicKind.Complex64 ? 32 : 64;
    const re = roundFloat(real(v), bits);
    const im = roundFloat(imag(v), bits);
    if (re === null || im === null) return false;
    if (rounded !== null) rounded.v = binaryOp(re, "+", makeImag(im));
    return true;
  }
  if (info & BasicInfo.IsString) return x.kind === Kind.String;
  if (info & BasicInfo.IsBoolean) return x.kind === Kind.Bool;
  return false;
}

const enum ConvCode {
  None = 0,
  TruncatedFloat,
  NumericOverflow,
  InvalidConstVal,
  InvalidUntypedConversion,
}

function representation(x: Operand, t: Basic): { v: Value | null; code: ConvCode } {
  const r = { v: x.val as Value };
  if (!representableConst(x.val as Value, null, t, r)) {
    if (isNumeric(x.type) && isNumeric(t)) {
      if (!isInteger(x.type) && isInteger(t)) return { v: null, code: ConvCode.TruncatedFloat };
      return { v: null, code: ConvCode.NumericOverflow };
    }
    return { v: null, code: ConvCode.InvalidConstVal };
  }
  return { v: r.v, code: ConvCode.None };
}

function invalidConversion(check: Checker, code: ConvCode, x: Operand, target: Type): void {
  if (code === ConvCode.TruncatedFloat) check.error(x, `${check.o(x)} truncated to ${check.t(target)}`);
  else if (code === ConvCode.NumericOverflow) check.error(x, `${check.o(x)} overflows ${check.t(target)}`);
  else check.error(x, `cannot convert ${check.o(x)} to ${check.t(target)}`);
}

/** Checks that constant x is representable by t (reporting an error and invalidating x if not). */
export function representable(check: Checker, x: Operand, t: Basic): void {
  const r = representation(x, t);
  if (r.code !== ConvCode.None) {
    invalidConversion(check, r.code, x, t);
    x.mode = Mode.Invalid;
    return;
  }
  x.val = r.v;
}

function opPos(e: ast.Expr | null): number {
  if (e === null) return 0;
  if (e.kind === "BinaryExpr" || e.kind === "UnaryExpr") return e.opPos;
  return nodePos(e);
}

function opName(e: ast.Expr | null): string {
  if (e === null) return "";
  if (e.kind === "UnaryExpr") return e.op === "^" ? "bitwise complement" : "";
  if (e.kind === "BinaryExpr") {
    switch (e.op) {
      case "+":
        return "addition";
      case "-":
        return "subtraction";
      case "^":
        return "bitwise XOR";
      case "*":
        return "multiplication";
      case "<<":
        return "shift";
    }
  }
  return "";
}

export function overflow(check: Checker, x: Operand): void {
  const v = x.val as Value;
  if (v.kind === Kind.Unknown) {
    check.error(opPos(x.expr), "constant result is not representable");
    return;
  }
  if (isTyped(x.type)) {
    representable(check, x, underT(x.type) as Basic);
    return;
  }
  if (v.kind === Kind.Int && bitLen(v) > 512) {
    check.error(opPos(x.expr), `constant ${opName(x.expr)} overflow`);
    x.val = makeUnknown();
  }
}

// ---- untyped conversion ---------------------------------------------------------

export function updateExprType(check: Checker, x: ast.Expr, t: Type, final: boolean): void {
  updateExprType0(check, null, x, t, final);
}

function updateExprType0(check: Checker, parent: ast.Expr | null, x: ast.Expr, t: Type, final: boolean): void {
  const old = check.untyped.get(x);
  if (old === undefined) return;
  switch (x.kind) {
    case "ParenExpr":
      updateExprType0(check, x, x.x, t, final);
      break;
    case "UnaryExpr":
      if (old.val === null) updateExprType0(check, x, x.x, t, final);
      break;
    case "BinaryExpr":
      if (old.val === null) {
        if (isComparisonOp(x.op)) {
          // result is untyped bool; operands keep their types
        } else if (x.op === "<<" || x.op === ">>") {
          updateExprType0(check, x, x.x, t, final);
        } else {
          updateExprType0(check, x, x.x, t, final);
          updateExprType0(check, x, x.y, t, final);
        }
      }
      break;
    case "Ident":
    case "BasicLit":
    case "SelectorExpr":
    case "CallExpr":
      break;
    default:
      return;
  }
  if (!final && isUntyped(t)) {
    old.type = underT(t) as Basic;
    return;
  }
  check.untyped.delete(x);
  if (old.isLhs) {
    if (!allInteger(t)) {
      check.error(x, `invalid operation: ${parent !== null ? check.e(parent) : check.e(x)} (shift of type ${check.t(t)})`);
      return;
    }
  }
  if (old.val !== null) {
    const c = new Operand();
    c.mode = old.mode;
    c.expr = x;
    c.type = old.type;
    c.val = old.val;
    convertUntyped(check, c, t);
    if ((c.mode as Mode) === Mode.Invalid) return;
  }
  check.recordTypeAndValue(x, old.mode, t, old.val);
}

function updateExprVal(check: Checker, x: ast.Expr | null, val: Value): void {
  if (x === null) return;
  const info = check.untyped.get(x);
  if (info !== undefined) info.val = val;
}

export function convertUntyped(check: Checker, x: Operand, target: Type): void {
  const r = implicitTypeAndValue(check, x, target);
  if (r.code !== ConvCode.None) {
    let t = target;
    if (!(target instanceof TypeParam)) t = target.underlying();
    invalidConversion(check, r.code, x, t);
    x.mode = Mode.Invalid;
    return;
  }
  if (r.val !== null) {
    x.val = r.val;
    updateExprVal(check, x.expr, r.val);
  }
  if (r.type !== x.type && r.type !== null) {
    x.type = r.type;
    if (x.expr !== null) updateExprType(check, x.expr, r.type, false);
  }
}

/** The type (and possibly rounded value) untyped x gets in a context of type target; code != 0 on failure. */
export function implicitTypeAndValue(check: Checker, x: Operand, target: Type): { type: Type | null; val: Value | null; code: ConvCode } {
  if ((x.mode as Mode) === Mode.Invalid || isTyped(x.type) || isInvalid(target)) return { type: x.type, val: null, code: 0 };
  if (isUntyped(target)) {
    const xk = (x.type as Basic).kind;
    const tk = (target as Basic).kind;
    if (isNumeric(x.type) && isNumeric(target)) {
      if (xk < tk) return { type: target, val: null, code: 0 };
    } else if (xk !== tk) return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
    return { type: x.type, val: null, code: 0 };
  }
  if (x.isNil()) {
    if (hasNil(target)) return { type: target, val: null, code: 0 };
    return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
  }
  const u = underT(target);
  if (u instanceof Basic) {
    if ((x.mode as Mode) === Mode.Constant) {
      const r = representation(x, u);
      if (r.code !== ConvCode.None) return { type: null, val: null, code: r.code };
      return { type: target, val: r.v, code: 0 };
    }
    const xk = (x.type as Basic).kind;
    switch (xk) {
      case BasicKind.UntypedBool:
        if (!isBoolean(target)) return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
        break;
      case BasicKind.UntypedInt:
      case BasicKind.UntypedRune:
      case BasicKind.UntypedFloat:
      case BasicKind.UntypedComplex:
        if (!isNumeric(target)) return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
        break;
      case BasicKind.UntypedString:
        if (!isString(target)) return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
        break;
      default:
        return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
    }
    return { type: target, val: null, code: 0 };
  }
  if (u instanceof Interface) {
    if (target instanceof TypeParam) {
      const ok = typeSetUnderIs(computeInterfaceTypeSet(u), (ut) => {
        if (ut === null) return false;
        const r = implicitTypeAndValue(check, x, ut);
        return r.type !== null;
      });
      if (!ok) return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
      return { type: target, val: null, code: 0 };
    }
    const ts = computeInterfaceTypeSet(u);
    if (ts.methods.length > 0 || !(ts.terms.length === 1 && ts.terms[0].type === null)) {
      return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
    }
    return { type: defaultType(x.type), val: null, code: 0 };
  }
  return { type: null, val: null, code: ConvCode.InvalidUntypedConversion };
}

// ---- operators ------------------------------------------------------------------

function isComparisonOp(op: string): boolean {
  return op === "==" || op === "!=" || op === "<" || op === "<=" || op === ">" || op === ">=";
}

function unaryPred(op: string): ((t: Type) => boolean) | null {
  switch (op) {
    case "+":
    case "-":
      return allNumeric;
    case "^":
      return allInteger;
    case "!":
      return allBoolean;
  }
  return null;
}

function binaryPred(op: string): ((t: Type) => boolean) | null {
  switch (op) {
    case "+":
      return allNumericOrString;
    case "-":
    case "*":
    case "/":
      return allNumeric;
    case "%":
    case "&":
    case "|":
    case "^":
    case "&^":
      return allInteger;
    case "&&":
    case "||":
      return allBoolean;
  }
  return null;
}

function opCheck(check: Checker, pred: ((t: Type) => boolean) | null, x: Operand, op: string): boolean {
  if (pred === null) {
    check.error(x, `invalid AST: unknown operator ${op}`);
    return false;
  }
  if (!pred(x.type)) {
    check.error(x, `invalid operation: operator ${op} not defined on ${check.o(x)}`);
    return false;
  }
  return true;
}

function unary(check: Checker, x: Operand, e: ast.UnaryExpr): void {
  expr(check, x, e.x);
  if ((x.mode as Mode) === Mode.Invalid) return;
  switch (e.op) {
    case "&":
      if (unparen(e.x).kind !== "CompositeLit" && (x.mode as Mode) !== Mode.Variable) {
        check.error(x, `invalid operation: cannot take address of ${check.o(x)}`);
        x.mode = Mode.Invalid;
        return;
      }
      x.mode = Mode.Value;
      x.type = new Pointer(x.type);
      return;
    case "<-": {
      const u = coreType(x.type);
      if (u === null) {
        check.error(x, `invalid operation: cannot receive from ${check.o(x)}: no core type`);
        x.mode = Mode.Invalid;
        return;
      }
      if (!(u instanceof Chan)) {
        check.error(x, `invalid operation: cannot receive from non-channel ${check.o(x)}`);
        x.mode = Mode.Invalid;
        return;
      }
      if (u.dir === ChanDir.SendOnly) {
        check.error(x, `invalid operation: cannot receive from send-only channel ${check.o(x)}`);
        x.mode = Mode.Invalid;
        return;
      }
      x.mode = Mode.CommaOk;
      x.type = u.elem;
      check.env.hasCallOrRecv = true;
      return;
    }
    case "~":
      check.error(e, "cannot use ~ outside of interface or type constraint");
      x.mode = Mode.Invalid;
      return;
  }
  if (!opCheck(check, unaryPred(e.op), x, e.op)) {
    x.mode = Mode.Invalid;
    return;
  }
  if ((x.mode as Mode) === Mode.Constant) {
    const v = x.val as Value;
    if (v.kind === Kind.Unknown) return;
    let prec = 0;
    if (isUnsigned(x.type)) prec = sizeofBasic((underT(x.type) as Basic).kind) * 8;
    x.val = unaryOp(e.op as UnaryOperator, v, prec);
    x.expr = e;
    overflow(check, x);
    return;
  }
  x.mode = Mode.Value;
}

export function comparison(check: Checker, x: Operand, y: Operand, op: string, switchCase: boolean): void {
  if (switchCase) op = "==";
  let errOp = x;
  let cause = "";
  let ok = assignableTo(check, x, y.type, null);
  if (!ok) ok = assignableTo(check, y, x.type, null);
  fail: {
    if (!ok) {
      errOp = y;
      cause = `mismatched types ${check.t(x.type)} and ${check.t(y.type)}`;
      break fail;
    }
    if (op === "==" || op === "!=") {
      if (x.isNil() || y.isNil()) {
        const t = x.isNil() ? y.type : x.type;
        if (!hasNil(t)) {
          errOp = y;
          break fail;
        }
      } else if (!isComparable(x.type)) {
        errOp = x;
        cause = incomparableCause(x.type, check.qualifier);
        break fail;
      } else if (!isComparable(y.type)) {
        errOp = y;
        cause = incomparableCause(y.type, check.qualifier);
        break fail;
      }
    } else {
      if (!allOrdered(x.type)) {
        errOp = x;
        break fail;
      }
      if (!allOrdered(y.type)) {
        errOp = y;
        break fail;
      }
    }
    if ((x.mode as Mode) === Mode.Constant && (y.mode as Mode) === Mode.Constant) {
      x.val = makeBool(compare(x.val as Value, op as CompareOperator, y.val as Value));
    } else {
      x.mode = Mode.Value;
      if (x.expr !== null) updateExprType(check, x.expr, defaultType(x.type), true);
      if (y.expr !== null) updateExprType(check, y.expr, defaultType(y.type), true);
    }
    x.type = Typ[BasicKind.UntypedBool];
    return;
  }
  if (cause === "") {
    if (x.type instanceof TypeParam || y.type instanceof TypeParam) {
      if (!(x.type instanceof TypeParam)) errOp = y;
      cause = `type parameter ${check.t(errOp.type)} is not comparable with ${op}`;
    } else {
      cause = `operator ${op} not defined on ${kindString(errOp.type)}`;
    }
  }
  const xs = x.expr !== null ? check.e(x.expr) : "";
  const ys = y.expr !== null ? check.e(y.expr) : "";
  if (switchCase) check.error(x, `invalid case ${xs} in switch on ${ys} (${cause})`);
  else check.error(errOp, `invalid operation: ${xs} ${op} ${ys} (${cause})`);
  x.mode = Mode.Invalid;
}

function shiftOp(check: Checker, x: Operand, y: Operand, e: ast.Expr | null, op: string): void {
  let xval: Value | null = null;
  if ((x.mode as Mode) === Mode.Constant) xval = toInt(x.val as Value);
  if (allInteger(x.type) || (isUntyped(x.type) && xval !== null && xval.kind === Kind.Int)) {
    // ok
  } else {
    check.error(x, `invalid operation: shifted operand ${check.o(x)} must be integer`);
    x.mode = Mode.Invalid;
    return;
  }
  if ((y.mode as Mode) === Mode.Constant) {
    const yval = toInt(y.val as Value);
    if (yval.kind === Kind.Int && sign(yval) < 0) {
      check.error(y, `invalid operation: negative shift count ${check.o(y)}`);
      x.mode = Mode.Invalid;
      return;
    }
    if (isUntyped(y.type)) {
      representable(check, y, Typ[BasicKind.Uint]);
      if ((y.mode as Mode) === Mode.Invalid) {
        x.mode = Mode.Invalid;
        return;
      }
    }
  } else {
    if (allInteger(y.type)) {
      if (!allUnsigned(y.type) && !check.allowVersion(1, 13)) {
        check.error(y, `invalid operation: signed shift count ${check.o(y)} requires go1.13 or later`);
        x.mode = Mode.Invalid;
        return;
      }
    } else if (isUntyped(y.type)) {
      convertUntyped(check, y, Typ[BasicKind.Uint]);
      if ((y.mode as Mode) === Mode.Invalid) {
        x.mode = Mode.Invalid;
        return;
      }
    } else {
      check.error(y, `invalid operation: shift count ${check.o(y)} must be integer`);
      x.mode = Mode.Invalid;
      return;
    }
  }
  if ((x.mode as Mode) === Mode.Constant) {
    if ((y.mode as Mode) === Mode.Constant) {
      if ((x.val as Value).kind === Kind.Unknown || (y.val as Value).kind === Kind.Unknown) {
        x.val = makeUnknown();
        if (!isInteger(x.type)) x.type = Typ[BasicKind.UntypedInt];
        return;
      }
      const [s, ok] = uint64Val(toInt(y.val as Value));
      if (!ok || s > 1074n) {
        check.error(y, `invalid operation: invalid shift count ${check.o(y)}`);
        x.mode = Mode.Invalid;
        return;
      }
      if (!isInteger(x.type)) x.type = Typ[BasicKind.UntypedInt];
      x.val = constShift(xval as Value, op as "<<" | ">>", Number(s));
      x.expr = e;
      overflow(check, x);
      return;
    }
    if (isUntyped(x.type)) {
      // delay the check until we know the type from context
      if (x.expr !== null) {
        const info = check.untyped.get(x.expr);
        if (info !== undefined) info.isLhs = true;
      }
      x.mode = Mode.Value;
      return;
    }
  }
  if (!allInteger(x.type)) {
    check.error(x, `invalid operation: shifted operand ${check.o(x)} must be integer`);
    x.mode = Mode.Invalid;
    return;
  }
  x.mode = Mode.Value;
}

/** Checks binary operation lhs op rhs (e is the whole expression, or null for assignment ops). */
export function binary(check: Checker, x: Operand, e: ast.Expr | null, lhs: ast.Expr, rhs: ast.Expr, op: string): void {
  if (lhs.kind === "BinaryExpr" && lhs.x.kind === "BinaryExpr" && lhs.x.x.kind === "BinaryExpr") {
    // Long left-deep chains (e.g. "a" + "b" + ... with thousands of terms) would overflow the
    // JavaScript stack through recursion; evaluate them iteratively, bottom-up.
    const chain: ast.BinaryExpr[] = [];
    let cur: ast.Expr = lhs;
    while (cur.kind === "BinaryExpr") {
      chain.push(cur);
      cur = cur.x;
    }
    if (chain.length > 64) {
      expr(check, x, cur);
      for (let i = chain.length - 1; i >= 0; i--) {
        const n = chain[i];
        binaryRest(check, x, n, n.y, n.op);
        if ((x.mode as Mode) === Mode.Invalid) {
          x.expr = n;
          check.record(x);
          // the rest of the chain is invalid too: evaluate remaining operands for use-tracking only
          for (let j = i - 1; j >= 0; j--) use(check, chain[j].y);
          use(check, rhs);
          return;
        }
        x.expr = n;
        check.record(x);
      }
      binaryRest(check, x, e, rhs, op);
      return;
    }
  }
  expr(check, x, lhs);
  binaryRest(check, x, e, rhs, op);
}

/** The rest of binary() once x holds the evaluated left operand. */
function binaryRest(check: Checker, x: Operand, e: ast.Expr | null, rhs: ast.Expr, op: string): void {
  const lhs = x.expr as ast.Expr;
  const y = new Operand();
  expr(check, y, rhs);
  if ((x.mode as Mode) === Mode.Invalid) return;
  if ((y.mode as Mode) === Mode.Invalid) {
    x.mode = Mode.Invalid;
    x.expr = y.expr;
    return;
  }
  if (op === "<<" || op === ">>") {
    shiftOp(check, x, y, e, op);
    return;
  }
  matchTypes(check, x, y);
  if ((x.mode as Mode) === Mode.Invalid) return;
  if (isComparisonOp(op)) {
    comparison(check, x, y, op, false);
    return;
  }
  if (!identical(x.type, y.type)) {
    if (!isInvalid(x.type) && !isInvalid(y.type)) {
      if (e !== null) check.error(x, `invalid operation: ${check.e(e)} (mismatched types ${check.t(x.type)} and ${check.t(y.type)})`);
      else check.error(x, `invalid operation: ${check.e(lhs)} ${op}= ${check.e(rhs)} (mismatched types ${check.t(x.type)} and ${check.t(y.type)})`);
    }
    x.mode = Mode.Invalid;
    return;
  }
  if (!opCheck(check, binaryPred(op), x, op)) {
    x.mode = Mode.Invalid;
    return;
  }
  if (op === "/" || op === "%") {
    if (((x.mode as Mode) === Mode.Constant || allInteger(x.type)) && (y.mode as Mode) === Mode.Constant && sign(y.val as Value) === 0) {
      check.error(y, "invalid operation: division by zero");
      x.mode = Mode.Invalid;
      return;
    }
    if ((x.mode as Mode) === Mode.Constant && (y.mode as Mode) === Mode.Constant && isComplex(x.type)) {
      const re = real(y.val as Value);
      const im = imag(y.val as Value);
      if (sign(re) === 0 && sign(im) === 0) {
        check.error(y, "invalid operation: division by zero");
        x.mode = Mode.Invalid;
        return;
      }
    }
  }
  if ((x.mode as Mode) === Mode.Constant && (y.mode as Mode) === Mode.Constant) {
    const xv = x.val as Value;
    const yv = y.val as Value;
    if (xv.kind === Kind.Unknown || yv.kind === Kind.Unknown) {
      x.val = makeUnknown();
      return;
    }
    // binaryOp truncates Int/Int division; use exact quotient for non-integer types
    if (op === "/" && !isInteger(x.type)) {
      x.val = binaryOp(toFloatIfInt(xv), "/", yv);
    } else x.val = binaryOp(xv, op as BinaryOperator, yv);
    if ((op === "/" || op === "%") && (x.val as Value).kind === Kind.Unknown) {
      // the divisor is so small that it is zero at the precision of constant arithmetic
      check.error(y, "invalid operation: division by zero");
      x.mode = Mode.Invalid;
      return;
    }
    x.expr = e;
    overflow(check, x);
    return;
  }
  x.mode = Mode.Value;
}

function toFloatIfInt(v: Value): Value {
  return v.kind === Kind.Int ? toFloat(v) : v;
}

/** Converts untyped operands of a binary operation towards each other's types (types2 matchTypes). */
function matchTypes(check: Checker, x: Operand, y: Operand): void {
  const mayConvert = (): boolean => {
    if (isTyped(x.type) && isTyped(y.type)) return false;
    if (isNonTypeParamInterface(x.type) || isNonTypeParamInterface(y.type)) return true;
    if (allBoolean(x.type) !== allBoolean(y.type)) return false;
    if (allString(x.type) !== allString(y.type)) return false;
    if (x.isNil() && !hasNil(y.type)) return false;
    if (y.isNil() && !hasNil(x.type)) return false;
    return true;
  };
  if (mayConvert()) {
    convertUntyped(check, x, y.type);
    if ((x.mode as Mode) === Mode.Invalid) return;
    convertUntyped(check, y, x.type);
    if ((y.mode as Mode) === Mode.Invalid) {
      x.mode = Mode.Invalid;
      return;
    }
  }
}

// ---- expression entry points --------------------------------------------------------

export function rawExpr(check: Checker, x: Operand, e: ast.Expr, hint: Type | null, allowGeneric: boolean): ExprKind {
  const kind = exprInternal(check, x, e, hint);
  if (!allowGeneric) nonGeneric(check, x);
  check.record(x);
  return kind;
}

function nonGeneric(check: Checker, x: Operand): void {
  if ((x.mode as Mode) === Mode.Invalid || (x.mode as Mode) === Mode.NoValue) return;
  let what = "";
  const t = x.type;
  if (t instanceof Named && isGeneric(t)) what = "type";
  else if (t instanceof Signature && t.tparams.length > 0) what = "function";
  if (what !== "") {
    check.error(x.expr ?? 0, `cannot use generic ${what} ${x.expr !== null ? check.e(x.expr) : ""} without instantiation`);
    x.mode = Mode.Invalid;
    x.type = Typ[BasicKind.Invalid];
  }
}

/** Reports number literal syntax that needs a newer language version than configured. */
function langCompat(check: Checker, lit: ast.BasicLit): void {
  const s = lit.value;
  if (s.length <= 2 || check.allowVersion(1, 13)) return;
  if (s.includes("_")) {
    check.versionError(lit, "go1.13", "underscores in numeric literals");
    return;
  }
  if (s[0] !== "0") return;
  const radix = s[1];
  if (radix === "b" || radix === "B") check.versionError(lit, "go1.13", "binary literals");
  else if (radix === "o" || radix === "O") check.versionError(lit, "go1.13", "0o/0O-style octal literals");
  else if (lit.litKind !== "INT" && (radix === "x" || radix === "X")) check.versionError(lit, "go1.13", "hexadecimal floating-point literals");
}

function basicLit(check: Checker, x: Operand, e: ast.BasicLit): void {
  if (e.litKind === "INT" || e.litKind === "FLOAT" || e.litKind === "IMAG") {
    langCompat(check, e);
    if (e.value.length > 10000) {
      check.error(e, `excessively long constant: ${e.value.slice(0, 10)}... (${e.value.length} chars)`);
      x.mode = Mode.Invalid;
      return;
    }
  }
  const v = makeFromLiteral(e.value, e.litKind);
  if (v.kind === Kind.Unknown) {
    check.error(e, `malformed constant: ${e.value}`);
    x.mode = Mode.Invalid;
    return;
  }
  x.mode = Mode.Constant;
  x.val = v;
  switch (e.litKind) {
    case "INT":
      x.type = Typ[BasicKind.UntypedInt];
      break;
    case "FLOAT":
      x.type = Typ[BasicKind.UntypedFloat];
      break;
    case "IMAG":
      x.type = Typ[BasicKind.UntypedComplex];
      break;
    case "CHAR":
      x.type = Typ[BasicKind.UntypedRune];
      break;
    case "STRING":
      x.type = Typ[BasicKind.UntypedString];
      break;
  }
}

function exprInternal(check: Checker, x: Operand, e: ast.Expr, hint: Type | null): ExprKind {
  x.mode = Mode.Invalid;
  x.type = Typ[BasicKind.Invalid];
  x.val = null;
  error: {
    switch (e.kind) {
      case "BadExpr":
        break error;
      case "Ident":
        ident(check, x, e, null, false);
        break;
      case "Ellipsis":
        check.error(e, "invalid use of '...'");
        break error;
      case "BasicLit":
        basicLit(check, x, e);
        if ((x.mode as Mode) === Mode.Invalid) break error;
        break;
      case "FuncLit": {
        const sig = typExpr(check, e.type);
        if (sig instanceof Signature) {
          if (check.conf.ignoreFuncBodies !== true) {
            const decl = check.env.decl;
            const iota = check.env.iota;
            const body = e.body;
            check.later(() => funcBody(check, decl, "<function literal>", sig, body, iota));
          }
          x.mode = Mode.Value;
          x.type = sig;
        } else break error;
        break;
      }
      case "CompositeLit":
        if (!compositeLit(check, x, e, hint)) break error;
        break;
      case "ParenExpr": {
        const kind = rawExpr(check, x, e.x, null, false);
        x.expr = e;
        return kind;
      }
      case "SelectorExpr":
        selector(check, x, e, null, false);
        break;
      case "IndexExpr":
      case "IndexListExpr":
        if (indexExpr(check, x, e)) funcInst(check, x, e);
        if ((x.mode as Mode) === Mode.Invalid) break error;
        break;
      case "SliceExpr":
        sliceExpr(check, x, e);
        if ((x.mode as Mode) === Mode.Invalid) break error;
        break;
      case "TypeAssertExpr": {
        expr(check, x, e.x);
        if ((x.mode as Mode) === Mode.Invalid) break error;
        if (x.type instanceof TypeParam) {
          check.error(x, `invalid operation: cannot use type assertion on type parameter value ${check.o(x)}`);
          break error;
        }
        if (!(underT(x.type) instanceof Interface)) {
          check.error(x, `invalid operation: ${check.o(x)} is not an interface`);
          break error;
        }
        if (e.type === undefined) {
          check.error(e, "invalid AST: use of .(type) outside type switch");
          break error;
        }
        const T = varType(check, e.type);
        if (isInvalid(T)) break error;
        typeAssertion(check, e, x, T, false);
        x.mode = Mode.CommaOk;
        x.type = T;
        break;
      }
      case "CallExpr":
        return callExpr(check, x, e);
      case "StarExpr": {
        exprOrType(check, x, e.x, false);
        if ((x.mode as Mode) === Mode.Invalid) break error;
        if ((x.mode as Mode) === Mode.TypExpr) {
          validVarType(check, e.x, x.type);
          x.type = new Pointer(x.type);
          break;
        }
        let base: Type | null = null;
        const ok = underIs(x.type, (u) => {
          if (!(u instanceof Pointer)) {
            check.error(x, `invalid operation: cannot indirect ${check.o(x)}`);
            return false;
          }
          if (base !== null && !identical(u.base, base)) {
            check.error(x, `invalid operation: pointers of ${check.o(x)} must have identical base types`);
            return false;
          }
          base = u.base;
          return true;
        });
        if (!ok || base === null) break error;
        x.mode = Mode.Variable;
        x.type = base;
        break;
      }
      case "UnaryExpr":
        unary(check, x, e);
        if ((x.mode as Mode) === Mode.Invalid) break error;
        if (e.op === "<-") {
          x.expr = e;
          return ExprKind.Statement;
        }
        break;
      case "BinaryExpr":
        binary(check, x, e, e.x, e.y, e.op);
        if ((x.mode as Mode) === Mode.Invalid) break error;
        break;
      case "KeyValueExpr":
        check.error(e, "invalid AST: no key:value expected");
        break error;
      case "ArrayType":
      case "StructType":
      case "FuncType":
      case "InterfaceType":
      case "MapType":
      case "ChanType":
        x.mode = Mode.TypExpr;
        x.type = typExpr(check, e);
        break;
    }
    x.expr = e;
    return ExprKind.Expression;
  }
  x.mode = Mode.Invalid;
  x.expr = e;
  return ExprKind.Statement;
}

function compositeLit(check: Checker, x: Operand, e: ast.CompositeLit, hint: Type | null): boolean {
  let typ: Type;
  let base: Type;
  if (e.type !== undefined) {
    const at = e.type;
    if (at.kind === "ArrayType" && at.len !== undefined && at.len.kind === "Ellipsis" && at.len.elt === undefined) {
      typ = new Array(varType(check, at.elt), -1);
      base = typ;
    } else {
      typ = typExpr(check, e.type);
      base = typ;
    }
  } else if (hint !== null) {
    typ = hint;
    const ct = coreType(typ);
    if (ct === null) {
      check.error(e, `invalid composite literal element type ${check.t(typ)}: no core type`);
      return false;
    }
    base = ct instanceof Pointer ? ct.base : ct;
  } else {
    check.error(e, "missing type in composite literal");
    return false;
  }
  const utyp = coreType(base);
  if (utyp !== null && underConstruction.has(utyp)) {
    check.error(e, "illegal cycle in type declaration");
    return false;
  }
  if (utyp instanceof Struct) {
    const fields = utyp.fields;
    if (e.elts.length > 0) {
      if (e.elts[0].kind === "KeyValueExpr") {
        const visited = new Set<number>();
        for (const el of e.elts) {
          if (el.kind !== "KeyValueExpr") {
            check.error(el, "mixture of field:value and value elements in struct literal");
            continue;
          }
          const key = el.key;
          expr(check, x, el.value);
          if (key.kind !== "Ident") {
            check.error(el, `invalid field name ${check.e(key)} in struct literal`);
            continue;
          }
          const i = fieldIndex(fields, check, key.name);
          if (i < 0) {
            check.error(key, `unknown field '${key.name}' in struct literal of type ${check.t(base)}`);
            continue;
          }
          const fld = fields[i];
          check.recordUse(key, fld);
          assignment(check, x, fld.typ(), "struct literal");
          if (visited.has(i)) {
            check.error(el, `duplicate field name ${key.name} in struct literal`);
            continue;
          }
          visited.add(i);
        }
      } else {
        for (let i = 0; i < e.elts.length; i++) {
          const el = e.elts[i];
          if (el.kind === "KeyValueExpr") {
            check.error(el, "mixture of field:value and value elements in struct literal");
            continue;
          }
          expr(check, x, el);
          if (i >= fields.length) {
            check.error(x, `too many values in ${check.t(base)}{…}`);
            break;
          }
          const fld = fields[i];
          if (!fld.exported() && fld.pkg !== check.pkg) {
            check.error(x, `implicit assignment to unexported field ${fld.name} in ${check.t(typ)} literal`);
            continue;
          }
          assignment(check, x, fld.typ(), "struct literal");
        }
        if (e.elts.length < fields.length) check.error(e.rbrace, `too few values in ${check.t(base)}{…}`);
      }
    }
  } else if (utyp instanceof Array) {
    const n = indexedElts(check, e.elts, utyp.elem, utyp.len);
    if (utyp.len < 0) {
      utyp.len = n;
      if (e.type !== undefined) check.recordTypeAndValue(e.type, Mode.TypExpr, utyp, null);
    }
  } else if (utyp instanceof Slice) {
    indexedElts(check, e.elts, utyp.elem, -1);
  } else if (utyp instanceof MapType) {
    const keyIsInterface = isNonTypeParamInterface(utyp.key);
    const visited = new Map<string, Type[]>();
    for (const el of e.elts) {
      if (el.kind !== "KeyValueExpr") {
        check.error(el, "missing key in map literal");
        continue;
      }
      exprWithHint(check, x, el.key, utyp.key);
      assignment(check, x, utyp.key, "map literal");
      if ((x.mode as Mode) === Mode.Invalid) continue;
      if ((x.mode as Mode) === Mode.Constant) {
        const k = keyVal(x.val as Value);
        let dup = false;
        const prev = visited.get(k);
        if (keyIsInterface) {
          if (prev !== undefined) for (const vt of prev) if (identical(vt, x.type)) dup = true;
          if (prev === undefined) visited.set(k, [x.type]);
          else prev.push(x.type);
        } else {
          dup = prev !== undefined;
          visited.set(k, []);
        }
        if (dup) {
          check.error(x, `duplicate key ${(x.val as Value).toString()} in map literal`);
          continue;
        }
      }
      exprWithHint(check, x, el.value, utyp.elem);
      assignment(check, x, utyp.elem, "map literal");
    }
  } else {
    for (let el of e.elts) {
      if (el.kind === "KeyValueExpr") el = el.value;
      use(check, el);
    }
    if (utyp === null || !isInvalid(utyp)) {
      check.error(e, `invalid composite literal type ${check.t(typ)}`);
      return false;
    }
  }
  x.mode = Mode.Value;
  x.type = typ;
  return true;
}

function keyVal(v: Value): string {
  switch (v.kind) {
    case Kind.Int:
    case Kind.Float: {
      const i = toInt(v);
      if (i.kind === Kind.Int) return "n:" + i.toString();
      return "f:" + float64Val(v)[0];
    }
    case Kind.Complex: {
      const re = real(v);
      const im = imag(v);
      if (sign(im) === 0) return keyVal(re);
      return "c:" + float64Val(re)[0] + "," + float64Val(im)[0];
    }
    case Kind.String:
      return "s:" + stringVal(v);
    case Kind.Bool:
      return "b:" + String(boolVal(v));
  }
  return "?" + v.toString();
}

function fieldIndex(fields: Var[], check: Checker, name: string): number {
  if (name === "_") return -1;
  for (let i = 0; i < fields.length; i++) if (fields[i].sameId(check.pkg, name)) return i;
  return -1;
}

export function typeAssertion(check: Checker, e: ast.Expr, x: Operand, T: Type, typeSwitch: boolean): void {
  const [method, alt] = assertableTo(check, underT(x.type) as Interface, T);
  if (method === null) return;
  const cause = missingMethodReason(check.qualifier, T, x.type, method, alt);
  if (typeSwitch) {
    check.error(e, `impossible type switch case: ${check.e(e)}\n\t${check.o(x)} cannot have dynamic type ${check.t(T)} ${cause}`);
    return;
  }
  check.error(e, `impossible type assertion: ${check.e(e)}\n\t${check.t(T)} does not implement ${check.t(x.type)} ${cause}`);
}

export function expr(check: Checker, x: Operand, e: ast.Expr): void {
  rawExpr(check, x, e, null, false);
  exclude(check, x, (1 << Mode.NoValue) | (1 << Mode.Builtin) | (1 << Mode.TypExpr));
  singleValue(check, x);
}

export function multiExpr(check: Checker, x: Operand, e: ast.Expr): void {
  rawExpr(check, x, e, null, false);
  exclude(check, x, (1 << Mode.NoValue) | (1 << Mode.Builtin) | (1 << Mode.TypExpr));
}

export function exprWithHint(check: Checker, x: Operand, e: ast.Expr, hint: Type): void {
  rawExpr(check, x, e, hint, false);
  exclude(check, x, (1 << Mode.NoValue) | (1 << Mode.Builtin) | (1 << Mode.TypExpr));
  singleValue(check, x);
}

export function exprOrType(check: Checker, x: Operand, e: ast.Expr, allowGeneric: boolean): void {
  rawExpr(check, x, e, null, allowGeneric);
  exclude(check, x, 1 << Mode.NoValue);
  singleValue(check, x);
}

function exclude(check: Checker, x: Operand, modeset: number): void {
  if ((modeset & (1 << x.mode)) !== 0) {
    let msg: string;
    switch (x.mode) {
      case Mode.NoValue:
        msg = (modeset & (1 << Mode.TypExpr)) !== 0 ? `${check.o(x)} used as value` : `${check.o(x)} used as value or type`;
        break;
      case Mode.Builtin:
        msg = `${check.o(x)} must be called`;
        break;
      default:
        msg = `${check.o(x)} is not an expression`;
    }
    check.error(x, msg);
    x.mode = Mode.Invalid;
  }
}

export function singleValue(check: Checker, x: Operand): void {
  if ((x.mode as Mode) === Mode.Value && x.type instanceof Tuple) {
    check.error(x, `multiple-value ${check.o(x)} in single-value context`);
    x.mode = Mode.Invalid;
  }
}

/** Evaluates expressions only for their side effects on use-tracking (after errors). */
export function use(check: Checker, ...args: (ast.Expr | undefined | null)[]): boolean {
  return useInternal(check, args, false);
}
export function useLHS(check: Checker, ...args: (ast.Expr | undefined | null)[]): boolean {
  return useInternal(check, args, true);
}
function useInternal(check: Checker, args: (ast.Expr | undefined | null)[], lhs: boolean): boolean {
  let ok = true;
  const x = new Operand();
  for (const e0 of args) {
    if (e0 === undefined || e0 === null) continue;
    let e = e0;
    if (e.kind === "Ident" && e.name === "_") continue;
    if (lhs) {
      // don't mark a plain local variable on the lhs as used
      const u = unparen(e);
      if (u.kind === "Ident") {
        if (u.name === "_") continue;
        const r = check.env.scope.lookupParent(u.name, 0);
        if (r !== undefined && r[1] instanceof Var && r[1].pkg === check.pkg) {
          const v = r[1];
          const used = v.used;
          rawExpr(check, x, e, null, true);
          v.used = used;
          if ((x.mode as Mode) === Mode.Invalid) ok = false;
          continue;
        }
      }
      e = u;
    }
    rawExpr(check, x, e, null, true);
    if ((x.mode as Mode) === Mode.Invalid) ok = false;
  }
  return ok;
}

export { isFloat, allUnsigned };
