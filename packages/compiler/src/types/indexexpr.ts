/**
 * Index and slice expressions (types2's index.go; named indexexpr.ts
 * because index.ts is the package's barrel): x[i] on strings, arrays,
 * pointers to arrays, slices, maps and type parameters; x[lo:hi:max];
 * constant index bounds; array/slice literal element indices.
 */
import { Kind, type Value, int64Val, sign, stringLen } from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { nodePos } from "../syntax/ast.js";
import { assignment } from "./assignments.js";
import type { Checker } from "./checker.js";
import { convertUntyped, expr, exprOrType, exprWithHint, representableConst, use } from "./expr.js";
import { Mode, Operand } from "./operand.js";
import { allInteger, coreString, identical, isString, isUntyped, underT } from "./predicates.js";
import { Array, Basic, BasicKind, Interface, MapType, Pointer, Signature, Slice, Typ, TypeParam, type Type, isInvalid, Named } from "./type.js";
import { computeInterfaceTypeSet, typeSetUnderIs } from "./typeset.js";
import { varType } from "./typexpr.js";
import { universeByte } from "./universe.js";

/** Checks x[index...]; returns true if x is a generic function to be instantiated (caller does funcInst). */
export function indexExpr(check: Checker, x: Operand, e: ast.IndexExpr | ast.IndexListExpr): boolean {
  exprOrType(check, x, e.x, true);
  const indices = e.kind === "IndexExpr" ? [e.index] : e.indices;
  switch (x.mode) {
    case Mode.Invalid:
      use(check, ...indices);
      return false;
    case Mode.TypExpr:
      x.mode = Mode.Invalid;
      x.type = varType(check, e);
      if (!isInvalid(x.type)) x.mode = Mode.TypExpr;
      return false;
    case Mode.Value: {
      const u = underT(x.type);
      if (u instanceof Signature && u.tparams.length > 0) return true;
      break;
    }
  }
  // non-generic check
  if (x.type instanceof Named && x.type.tparams.length > 0 && x.type.targs.length === 0) {
    check.error(x, `cannot use generic type ${check.t(x.type)} without instantiation`);
    x.mode = Mode.Invalid;
    return false;
  }
  let valid = false;
  let length = -1;
  const typ = underT(x.type);
  if (typ instanceof Basic) {
    if (isString(typ)) {
      valid = true;
      if ((x.mode as Mode) === Mode.Constant) length = stringLen(x.val as Value);
      x.mode = Mode.Value;
      x.type = universeByte.type as Type;
    }
  } else if (typ instanceof Array) {
    valid = true;
    length = typ.len;
    if ((x.mode as Mode) !== Mode.Variable) x.mode = Mode.Value;
    x.type = typ.elem;
  } else if (typ instanceof Pointer) {
    const a = underT(typ.base);
    if (a instanceof Array) {
      valid = true;
      length = a.len;
      x.mode = Mode.Variable;
      x.type = a.elem;
    }
  } else if (typ instanceof Slice) {
    valid = true;
    x.mode = Mode.Variable;
    x.type = typ.elem;
  } else if (typ instanceof MapType) {
    const index = singleIndex(check, e);
    if (index === null) {
      x.mode = Mode.Invalid;
      return false;
    }
    const key = new Operand();
    expr(check, key, index);
    assignment(check, key, typ.key, "map index");
    x.mode = Mode.MapIndex;
    x.type = typ.elem;
    x.expr = e;
    return false;
  } else if (typ instanceof Interface && x.type instanceof TypeParam) {
    let key: Type | null = null;
    let elem: Type | null = null;
    let mode = Mode.Variable;
    let first = true;
    const ok = typeSetUnderIs(computeInterfaceTypeSet(typ), (u) => {
      let l = -1;
      let k: Type | null = null;
      let el: Type | null = null;
      if (u instanceof Basic && isString(u)) {
        el = universeByte.type as Type;
        mode = Mode.Value;
      } else if (u instanceof Array) {
        l = u.len;
        el = u.elem;
        if ((x.mode as Mode) !== Mode.Variable) mode = Mode.Value;
      } else if (u instanceof Pointer) {
        const a = underT(u.base);
        if (a instanceof Array) {
          l = a.len;
          el = a.elem;
        }
      } else if (u instanceof Slice) el = u.elem;
      else if (u instanceof MapType) {
        k = u.key;
        el = u.elem;
      }
      if (el === null) return false;
      if (first) {
        first = false;
        length = l;
        key = k;
        elem = el;
        return true;
      }
      if ((key === null) !== (k === null)) return false;
      if (key !== null && k !== null && !identical(key, k)) return false;
      if (!identical(elem as Type, el)) return false;
      if (l >= 0 && l < length) length = l;
      return true;
    });
    if (ok && elem !== null) {
      if (key !== null) {
        const index = singleIndex(check, e);
        if (index === null) {
          x.mode = Mode.Invalid;
          return false;
        }
        const k = new Operand();
        expr(check, k, index);
        assignment(check, k, key, "map index");
        x.mode = Mode.MapIndex;
        x.type = elem;
        x.expr = e;
        return false;
      }
      valid = true;
      x.mode = mode;
      x.type = elem;
    }
  }
  if (!valid) {
    check.error(e.lbrack, `invalid operation: cannot index ${check.o(x)}`);
    x.mode = Mode.Invalid;
    return false;
  }
  const index = singleIndex(check, e);
  if (index === null) {
    x.mode = Mode.Invalid;
    return false;
  }
  checkIndex(check, index, length);
  return false;
}

function singleIndex(check: Checker, e: ast.IndexExpr | ast.IndexListExpr): ast.Expr | null {
  if (e.kind === "IndexExpr") return e.index;
  if (e.indices.length === 0) {
    check.error(e, `invalid AST: missing index for ${check.e(e.x)}`);
    return null;
  }
  if (e.indices.length > 1) check.error(e.indices[1], "invalid operation: more than one index");
  return e.indices[0];
}

/** Checks an index expression; returns its type and constant value (-1 if not constant/invalid). */
export function checkIndex(check: Checker, index: ast.Expr, max: number): { type: Type; val: number } {
  const x = new Operand();
  expr(check, x, index);
  if (!isValidIndex(check, x, "index", false)) return { type: Typ[BasicKind.Invalid], val: -1 };
  if ((x.mode as Mode) !== Mode.Constant) return { type: x.type, val: -1 };
  const v = x.val as Value;
  if (v.kind === Kind.Unknown) return { type: Typ[BasicKind.Invalid], val: -1 };
  const [n] = int64Val(v);
  if (max >= 0 && n >= BigInt(max)) {
    check.error(x, `invalid argument: index ${v.toString()} out of bounds [0:${max}]`);
    return { type: Typ[BasicKind.Invalid], val: -1 };
  }
  return { type: x.type, val: Number(n) };
}

export function isValidIndex(check: Checker, x: Operand, what: string, allowNegative: boolean): boolean {
  if ((x.mode as Mode) === Mode.Invalid) return false;
  convertUntyped(check, x, Typ[BasicKind.Int]);
  if ((x.mode as Mode) === Mode.Invalid) return false;
  if (!allInteger(x.type)) {
    check.error(x, `invalid argument: ${what} ${check.o(x)} must be integer`);
    return false;
  }
  if ((x.mode as Mode) === Mode.Constant) {
    const v = x.val as Value;
    if (!allowNegative && sign(v) < 0) {
      check.error(x, `invalid argument: ${what} ${check.o(x)} must not be negative`);
      return false;
    }
    const r = { v };
    if (!representableConst(v, check, Typ[BasicKind.Int] as Basic, r)) {
      check.error(x, `invalid argument: ${what} ${check.o(x)} overflows int`);
      return false;
    }
    x.val = r.v;
  }
  return true;
}

export function sliceExpr(check: Checker, x: Operand, e: ast.SliceExpr): void {
  expr(check, x, e.x);
  if ((x.mode as Mode) === Mode.Invalid) {
    use(check, e.low, e.high, e.max);
    return;
  }
  let valid = false;
  let length = -1;
  const u = coreString(x.type);
  if (u === null) {
    check.error(x, `invalid operation: cannot slice ${check.o(x)}: ${check.t(x.type)} has no core type`);
    x.mode = Mode.Invalid;
    return;
  }
  if (u instanceof Basic) {
    if (isString(u)) {
      if (e.slice3) {
        check.error(e.max ?? e, "invalid operation: 3-index slice of string");
        x.mode = Mode.Invalid;
        return;
      }
      valid = true;
      if ((x.mode as Mode) === Mode.Constant) length = stringLen(x.val as Value);
      if (isUntyped(x.type)) x.type = Typ[BasicKind.String];
    }
  } else if (u instanceof Array) {
    valid = true;
    length = u.len;
    if ((x.mode as Mode) !== Mode.Variable) {
      check.error(x, `invalid operation: ${check.o(x)} (slice of unaddressable value)`);
      x.mode = Mode.Invalid;
      return;
    }
    x.type = new Slice(u.elem);
  } else if (u instanceof Pointer) {
    const a = underT(u.base);
    if (a instanceof Array) {
      valid = true;
      length = a.len;
      x.type = new Slice(a.elem);
    }
  } else if (u instanceof Slice) valid = true;
  if (!valid) {
    check.error(x, `invalid operation: cannot slice ${check.o(x)}`);
    x.mode = Mode.Invalid;
    return;
  }
  x.mode = Mode.Value;
  if (e.slice3 && (e.high === undefined || e.max === undefined)) {
    check.error(e, "invalid AST: 2nd and 3rd index required in 3-index slice");
    x.mode = Mode.Invalid;
    return;
  }
  const idx = [e.low, e.high, e.max];
  const ind = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const ex = idx[i];
    let v = -1;
    if (ex !== undefined) {
      const max = length >= 0 ? length + 1 : -1;
      const r = checkIndex(check, ex, max);
      if (r.val >= 0) v = r.val;
    } else if (i === 0) v = 0;
    else if (length >= 0) v = length;
    ind[i] = v;
  }
  outer: for (let i = 0; i < 2; i++) {
    const xv = ind[i];
    if (xv > 0) {
      for (let j = i + 1; j < 3; j++) {
        const y = ind[j];
        if (y >= 0 && y < xv && idx[j] !== undefined) {
          check.error(idx[j] as ast.Expr, `invalid slice indices: ${y} < ${xv}`);
          break outer;
        }
      }
    }
  }
}

/** Checks the elements of an array/slice literal; returns the length (max index + 1). */
export function indexedElts(check: Checker, elts: ast.Expr[], typ: Type, length: number): number {
  const visited = new Set<number>();
  let index = 0;
  let max = 0;
  for (const e of elts) {
    let validIndex = false;
    let ev = e;
    if (e.kind === "KeyValueExpr") {
      const r = checkIndex(check, e.key, length);
      if (!isInvalid(r.type)) {
        if (r.val >= 0) {
          index = r.val;
          validIndex = true;
        } else check.error(e, `index ${check.e(e.key)} must be integer constant`);
      }
      ev = e.value;
    } else if (length >= 0 && index >= length) {
      check.error(e, `index ${index} is out of bounds (>= ${length})`);
    } else validIndex = true;
    if (validIndex) {
      if (visited.has(index)) check.error(e, `duplicate index ${index} in array or slice literal`);
      visited.add(index);
    }
    index++;
    if (index > max) max = index;
    const x = new Operand();
    exprWithHint(check, x, ev, typ);
    assignment(check, x, typ, "array or slice literal");
  }
  return max;
}
