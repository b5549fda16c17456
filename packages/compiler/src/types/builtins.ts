/**
 * Builtin function calls (types2's builtins.go): append, cap, clear, close,
 * complex, copy, delete, imag, len, make, max, min, new, panic, print,
 * println, real, recover, and package unsafe's Add, Alignof, Offsetof,
 * Sizeof, Slice, SliceData, String, StringData. Records each call's
 * signature in Info.types for the code generator.
 */
import {
  Kind,
  type Value,
  binaryOp,
  compare,
  imag as constImag,
  makeImag,
  makeInt64,
  makeUnknown,
  real as constReal,
  stringLen,
  toFloat,
} from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { unparen } from "../syntax/ast.js";
import { assignment } from "./assignments.js";
import { callArguments, exprList } from "./call.js";
import type { Checker } from "./checker.js";
import { ExprKind, convertUntyped, expr, representableConst, use } from "./expr.js";
import { SelectionKind } from "./info.js";
import { isValidIndex } from "./indexexpr.js";
import { lookupFieldOrMethod } from "./lookup.js";
import { BuiltinId, Func, Var } from "./object.js";
import { Mode, Operand } from "./operand.js";
import {
  allNumeric,
  allOrdered,
  allString,
  coreString,
  coreType,
  identical,
  isComplex,
  isFloat,
  isNumeric,
  isString,
  isTyped,
  isUntyped,
  underT,
} from "./predicates.js";
import { alignof, offsetsof, sizeof } from "./sizes.js";
import {
  Array,
  Basic,
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
import { typ as typExpr, varType } from "./typexpr.js";
import { universeByte } from "./universe.js";

interface BuiltinInfo {
  name: string;
  nargs: number;
  variadic: boolean;
  kind: ExprKind;
}

const E = ExprKind.Expression;
const S = ExprKind.Statement;
const infos: Record<number, BuiltinInfo> = {
  [BuiltinId.Append]: { name: "append", nargs: 1, variadic: true, kind: E },
  [BuiltinId.Cap]: { name: "cap", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Clear]: { name: "clear", nargs: 1, variadic: false, kind: S },
  [BuiltinId.Close]: { name: "close", nargs: 1, variadic: false, kind: S },
  [BuiltinId.Complex]: { name: "complex", nargs: 2, variadic: false, kind: E },
  [BuiltinId.Copy]: { name: "copy", nargs: 2, variadic: false, kind: S },
  [BuiltinId.Delete]: { name: "delete", nargs: 2, variadic: false, kind: S },
  [BuiltinId.Imag]: { name: "imag", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Len]: { name: "len", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Make]: { name: "make", nargs: 1, variadic: true, kind: E },
  [BuiltinId.Max]: { name: "max", nargs: 1, variadic: true, kind: E },
  [BuiltinId.Min]: { name: "min", nargs: 1, variadic: true, kind: E },
  [BuiltinId.New]: { name: "new", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Panic]: { name: "panic", nargs: 1, variadic: false, kind: S },
  [BuiltinId.Print]: { name: "print", nargs: 0, variadic: true, kind: S },
  [BuiltinId.Println]: { name: "println", nargs: 0, variadic: true, kind: S },
  [BuiltinId.Real]: { name: "real", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Recover]: { name: "recover", nargs: 0, variadic: false, kind: S },
  [BuiltinId.Add]: { name: "Add", nargs: 2, variadic: false, kind: E },
  [BuiltinId.Alignof]: { name: "Alignof", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Offsetof]: { name: "Offsetof", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Sizeof]: { name: "Sizeof", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Slice]: { name: "Slice", nargs: 2, variadic: false, kind: E },
  [BuiltinId.SliceData]: { name: "SliceData", nargs: 1, variadic: false, kind: E },
  [BuiltinId.String]: { name: "String", nargs: 2, variadic: false, kind: E },
  [BuiltinId.StringData]: { name: "StringData", nargs: 1, variadic: false, kind: E },
  [BuiltinId.Assert]: { name: "assert", nargs: 1, variadic: false, kind: S },
  [BuiltinId.Trace]: { name: "trace", nargs: 0, variadic: true, kind: S },
};

export function builtinKind(id: BuiltinId): ExprKind {
  return infos[id].kind;
}

function makeSig(res: Type | null, ...args: Type[]): Signature {
  const params = args.map((t) => new Var(0, null, "", t));
  const results = res !== null ? [new Var(0, null, "", res)] : [];
  return new Signature(null, new Tuple(params), new Tuple(results), false);
}

function arrayPtrDeref(t: Type): Type {
  if (t instanceof Pointer) {
    const a = underT(t.base);
    if (a instanceof Array) return a;
  }
  return t;
}

/** Whether t's size depends on a type parameter (then Sizeof etc. are not constant). */
function hasVarSize(t: Type, seen: Map<Named, boolean> | null): boolean {
  // a Named met again while its own size is being decided is a cycle: variable size (as types2)
  if (t instanceof Named) {
    if (seen === null) seen = new Map();
    const known = seen.get(t);
    if (known !== undefined) return known;
    seen.set(t, true);
    const r = hasVarSize0(t, seen);
    seen.set(t, r);
    return r;
  }
  return hasVarSize0(t, seen);
}

function hasVarSize0(t: Type, seen: Map<Named, boolean> | null): boolean {
  if (t instanceof TypeParam) return true;
  const u = underT(t);
  if (u instanceof Array) return hasVarSize(u.elem, seen);
  if (u instanceof Struct) {
    for (const f of u.fields) if (hasVarSize(f.typ(), seen)) return true;
  }
  return false;
}

/** Checks a builtin call; x holds the builtin operand on entry and the result on exit. */
export function builtin(check: Checker, x: Operand, call: ast.CallExpr, id: BuiltinId): boolean {
  const bin = infos[id];
  if (call.ellipsis !== 0 && id !== BuiltinId.Append) {
    check.error(call, `invalid operation: invalid use of ... with built-in ${bin.name}`);
    use(check, ...call.args);
    return false;
  }
  // len/cap of arrays are constant unless the argument contains calls or receives: evaluate
  // the argument with hasCallOrRecv cleared, and restore the outer setting afterwards
  if (id === BuiltinId.Len || id === BuiltinId.Cap) {
    const saved = check.env.hasCallOrRecv;
    check.env.hasCallOrRecv = false;
    try {
      return builtin0(check, x, call, id);
    } finally {
      check.env.hasCallOrRecv = saved;
    }
  }
  return builtin0(check, x, call, id);
}

function builtin0(check: Checker, x: Operand, call: ast.CallExpr, id: BuiltinId): boolean {
  const bin = infos[id];

  let args: Operand[] = [];
  let nargs = call.args.length;
  switch (id) {
    case BuiltinId.Make:
    case BuiltinId.New:
    case BuiltinId.Offsetof:
    case BuiltinId.Trace:
      break;
    default: {
      args = exprList(check, call.args, false).list;
      nargs = args.length;
      if (nargs > 0) {
        x.assign(args[0]);
        if ((x.mode as Mode) === Mode.Invalid) return false;
      }
    }
  }
  let msg = "";
  if (nargs < bin.nargs) msg = "not enough";
  else if (!bin.variadic && nargs > bin.nargs) msg = "too many";
  if (msg !== "") {
    check.error(call, `invalid operation: ${msg} arguments for ${check.e(call)} (expected ${bin.nargs}, found ${nargs})`);
    return false;
  }
  const fun = call.fun;

  // builtins added after Go 1.19 are available only with a new enough language version
  switch (id) {
    case BuiltinId.Clear:
    case BuiltinId.Max:
    case BuiltinId.Min:
      if (!check.allowVersion(1, 21)) {
        check.versionError(fun, "go1.21", bin.name);
        return false;
      }
      break;
    case BuiltinId.String:
    case BuiltinId.StringData:
    case BuiltinId.SliceData:
      if (!check.allowVersion(1, 20)) {
        check.versionError(fun, "go1.20", `unsafe.${bin.name}`);
        return false;
      }
      break;
  }

  switch (id) {
    case BuiltinId.Append: {
      const S = x.type;
      let T: Type | null = null;
      const s = coreType(S);
      if (s instanceof Slice) T = s.elem;
      else {
        let cause = "";
        if (isInvalid(S)) return false;
        if (x.isNil()) cause = "have untyped nil";
        else if (S instanceof TypeParam) cause = s !== null ? `${check.o(x)} has core type ${check.t(s)}` : `${check.o(x)} has no core type`;
        else cause = `have ${check.o(x)}`;
        check.error(x, `first argument to append must be a slice; ${cause}`);
        return false;
      }
      // append(s, str...) special case
      if (nargs === 2 && call.ellipsis !== 0) {
        const a1 = args[1];
        if ((a1.mode as Mode) === Mode.Invalid) return false;
        const cs = coreString(a1.type);
        if (cs !== null && isString(cs)) {
          const be = underT(T);
          if (be instanceof Basic && be.kind === BasicKind.Uint8) {
            if (check.info !== null) check.recordBuiltinType(fun, makeSig(S, S, a1.type));
            x.mode = Mode.Value;
            x.type = S;
            return true;
          }
        }
      }
      // check general case by creating a custom signature
      const sig = makeSig(S, S, new Slice(T));
      sig.variadic = true;
      callArguments(check, call, sig, [], args, []);
      check.recordBuiltinType(fun, sig);
      x.mode = Mode.Value;
      x.type = S;
      return true;
    }
    case BuiltinId.Cap:
    case BuiltinId.Len: {
      let mode = Mode.Invalid;
      let val: Value | null = null;
      const t = arrayPtrDeref(underT(x.type));
      if (t instanceof Basic) {
        if (isString(t) && id === BuiltinId.Len) {
          if ((x.mode as Mode) === Mode.Constant) {
            mode = Mode.Constant;
            val = makeInt64(BigInt(stringLen(x.val as Value)));
          } else mode = Mode.Value;
        }
      } else if (t instanceof Array) {
        mode = Mode.Value;
        if (!check.env.hasCallOrRecv) {
          mode = Mode.Constant;
          val = t.len >= 0 ? makeInt64(BigInt(t.len)) : makeUnknown();
        }
      } else if (t instanceof Slice || t instanceof Chan) mode = Mode.Value;
      else if (t instanceof MapType) {
        if (id === BuiltinId.Len) mode = Mode.Value;
      } else if (t instanceof Interface && x.type instanceof TypeParam) {
        if (
          typeSetUnderIs(computeInterfaceTypeSet(t), (u) => {
            if (u === null) return false;
            const v = arrayPtrDeref(u);
            if (v instanceof Basic) return isString(v) && id === BuiltinId.Len;
            if (v instanceof Array || v instanceof Slice || v instanceof Chan) return true;
            if (v instanceof MapType) return id === BuiltinId.Len;
            return false;
          })
        )
          mode = Mode.Value;
      }
      if (mode === Mode.Invalid) {
        if (!isInvalid(underT(x.type))) check.error(x, `invalid argument: ${check.o(x)} for ${bin.name}`);
        return false;
      }
      if (mode !== Mode.Constant) if (check.info !== null) check.recordBuiltinType(fun, makeSig(Typ[BasicKind.Int], x.type));
      x.mode = mode;
      x.type = Typ[BasicKind.Int];
      x.val = val;
      return true;
    }
    case BuiltinId.Clear: {
      const ok = typeSetOrUnder(x.type, (u) => u instanceof MapType || u instanceof Slice);
      if (!ok) {
        check.error(x, `invalid argument: cannot clear ${check.o(x)}: argument must be (or constrained by) map or slice`);
        return false;
      }
      x.mode = Mode.NoValue;
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(null, x.type));
      return true;
    }
    case BuiltinId.Close: {
      const ok = typeSetOrUnder(x.type, (u) => {
        if (!(u instanceof Chan)) {
          check.error(x, `invalid operation: cannot close non-channel ${check.o(x)}`);
          return false;
        }
        if (u.dir === ChanDir.RecvOnly) {
          check.error(x, `invalid operation: cannot close receive-only channel ${check.o(x)}`);
          return false;
        }
        return true;
      });
      if (!ok) return false;
      x.mode = Mode.NoValue;
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(null, x.type));
      return true;
    }
    case BuiltinId.Complex: {
      const y = args[1];
      if ((y.mode as Mode) === Mode.Invalid) return false;
      let d = 0;
      if (isUntyped(x.type)) d |= 1;
      if (isUntyped(y.type)) d |= 2;
      const toFloatOp = (o: Operand): void => {
        if (isNumeric(o.type) && (o.mode as Mode) === Mode.Constant) {
          const v = toFloat(o.val as Value);
          if (v.kind === Kind.Float) o.val = v; // keep untyped
          if (isUntyped(o.type)) o.type = Typ[BasicKind.UntypedFloat];
        }
      };
      if (d === 1) convertUntyped(check, x, y.type);
      else if (d === 2) convertUntyped(check, y, x.type);
      else if (d === 3) {
        if ((x.mode as Mode) === Mode.Constant && (y.mode as Mode) === Mode.Constant) {
          toFloatOp(x);
          toFloatOp(y);
        } else {
          convertUntyped(check, x, Typ[BasicKind.Float64]);
          convertUntyped(check, y, Typ[BasicKind.Float64]);
        }
      }
      if ((x.mode as Mode) === Mode.Invalid || (y.mode as Mode) === Mode.Invalid) return false;
      if (!identical(x.type, y.type)) {
        check.error(x, `invalid operation: ${check.e(call)} (mismatched types ${check.t(x.type)} and ${check.t(y.type)})`);
        return false;
      }
      const f = (t: Type): Type | null => {
        const u = underT(t);
        if (u instanceof Basic) {
          switch (u.kind) {
            case BasicKind.Float32:
              return Typ[BasicKind.Complex64];
            case BasicKind.Float64:
              return Typ[BasicKind.Complex128];
            case BasicKind.UntypedFloat:
            case BasicKind.UntypedInt:
            case BasicKind.UntypedRune:
              return Typ[BasicKind.UntypedComplex];
          }
        }
        return null;
      };
      const resTyp = f(x.type);
      if (resTyp === null) {
        check.error(x, `invalid argument: arguments have type ${check.t(x.type)}, expected floating-point`);
        return false;
      }
      if ((x.mode as Mode) === Mode.Constant && (y.mode as Mode) === Mode.Constant) {
        x.val = binaryOp(constReal(x.val as Value), "+", makeImag(y.val as Value));
      } else x.mode = Mode.Value;
      if (isTyped(x.type)) if (check.info !== null) check.recordBuiltinType(fun, makeSig(resTyp, x.type, x.type));
      x.type = resTyp;
      return true;
    }
    case BuiltinId.Copy: {
      const dst = coreType(x.type);
      const y = args[1];
      if ((y.mode as Mode) === Mode.Invalid) return false;
      let src0 = coreString(y.type);
      if (src0 !== null && isString(src0)) src0 = new Slice(universeByte.type as Type);
      if (!(dst instanceof Slice) || !(src0 instanceof Slice)) {
        check.error(x, `invalid argument: copy expects slice arguments; found ${check.o(x)} and ${check.o(y)}`);
        return false;
      }
      if (!identical(dst.elem, src0.elem)) {
        check.error(x, `invalid argument: arguments to copy ${check.o(x)} and ${check.o(y)} have different element types ${check.t(dst.elem)} and ${check.t(src0.elem)}`);
        return false;
      }
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(Typ[BasicKind.Int], x.type, y.type));
      x.mode = Mode.Value;
      x.type = Typ[BasicKind.Int];
      return true;
    }
    case BuiltinId.Delete: {
      let key: Type | null = null;
      const ok = typeSetOrUnder(x.type, (u) => {
        if (!(u instanceof MapType)) {
          check.error(x, `invalid argument: ${check.o(x)} is not a map`);
          return false;
        }
        if (key !== null && !identical(u.key, key)) {
          check.error(x, `invalid argument: maps of ${check.o(x)} must have identical key types`);
          return false;
        }
        key = u.key;
        return true;
      });
      if (!ok || key === null) return false;
      const k = args[1];
      if ((k.mode as Mode) === Mode.Invalid) return false;
      assignment(check, k, key, "argument to delete");
      if ((k.mode as Mode) === Mode.Invalid) return false;
      x.mode = Mode.NoValue;
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(null, x.type, key));
      return true;
    }
    case BuiltinId.Imag:
    case BuiltinId.Real: {
      if (isUntyped(x.type)) {
        if ((x.mode as Mode) === Mode.Constant) {
          if (isNumeric(x.type)) x.type = Typ[BasicKind.UntypedComplex];
        } else convertUntyped(check, x, Typ[BasicKind.Complex128]);
        if ((x.mode as Mode) === Mode.Invalid) return false;
      }
      const f = (t: Type): Type | null => {
        const u = underT(t);
        if (u instanceof Basic) {
          switch (u.kind) {
            case BasicKind.Complex64:
              return Typ[BasicKind.Float32];
            case BasicKind.Complex128:
              return Typ[BasicKind.Float64];
            case BasicKind.UntypedComplex:
              return Typ[BasicKind.UntypedFloat];
          }
        }
        return null;
      };
      const resTyp = f(x.type);
      if (resTyp === null) {
        check.error(x, `invalid argument: argument has type ${check.t(x.type)}, expected complex type`);
        return false;
      }
      if ((x.mode as Mode) === Mode.Constant) {
        x.val = id === BuiltinId.Real ? constReal(x.val as Value) : constImag(x.val as Value);
      } else x.mode = Mode.Value;
      if (isTyped(x.type)) if (check.info !== null) check.recordBuiltinType(fun, makeSig(resTyp, x.type));
      x.type = resTyp;
      return true;
    }
    case BuiltinId.Make: {
      const arg0 = call.args[0];
      const T = varType(check, arg0);
      if (isInvalid(T)) {
        use(check, ...call.args.slice(1));
        return false;
      }
      let min = 1;
      const ct = coreType(T);
      if (ct instanceof Slice) min = 2;
      else if (ct instanceof MapType || ct instanceof Chan) min = 1;
      else {
        if (ct === null) check.error(arg0, `invalid argument: cannot make ${check.e(arg0)}: no core type`);
        else check.error(arg0, `invalid argument: cannot make ${check.e(arg0)}; type must be slice, map, or channel`);
        use(check, ...call.args.slice(1));
        return false;
      }
      if (nargs < min || min + 1 < nargs) {
        check.error(call, `invalid operation: ${check.e(call)} expects ${min} or ${min + 1} arguments; found ${nargs}`);
        use(check, ...call.args.slice(1));
        return false;
      }
      const types: Type[] = [T];
      const sizes: number[] = [];
      for (const a of call.args.slice(1)) {
        const o = new Operand();
        expr(check, o, a);
        if (isValidIndex(check, o, "index", false)) {
          types.push(o.type);
          if ((o.mode as Mode) === Mode.Constant) {
            const [n] = [Number((o.val as Value).toString())];
            sizes.push(n);
          } else sizes.push(-1);
        } else types.push(Typ[BasicKind.Invalid]);
      }
      if (sizes.length === 2 && sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
        check.error(call.args[1], "invalid argument: length and capacity swapped");
      }
      x.mode = Mode.Value;
      x.type = T;
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type, ...types));
      return true;
    }
    case BuiltinId.New: {
      const T = varType(check, call.args[0]);
      if (isInvalid(T)) return false;
      x.mode = Mode.Value;
      x.type = new Pointer(T);
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type, T));
      return true;
    }
    case BuiltinId.Panic: {
      if (check.env.isPanic !== null) check.env.isPanic.add(call);
      assignment(check, x, emptyIface(), "argument to panic");
      if ((x.mode as Mode) === Mode.Invalid) return false;
      x.mode = Mode.NoValue;
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(null, emptyIface()));
      return true;
    }
    case BuiltinId.Print:
    case BuiltinId.Println: {
      const params: Type[] = [];
      for (const a of args) {
        assignment(check, a, null, `argument to ${bin.name}`);
        if ((a.mode as Mode) === Mode.Invalid) return false;
        params.push(a.type);
      }
      x.mode = Mode.NoValue;
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(null, ...params));
      return true;
    }
    case BuiltinId.Recover:
      x.mode = Mode.Value;
      x.type = emptyIface();
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type));
      return true;
    case BuiltinId.Max:
    case BuiltinId.Min: {
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if ((a.mode as Mode) === Mode.Invalid) return false;
        if (!allOrdered(a.type)) {
          check.error(a, `invalid argument: ${check.o(a)} cannot be ordered`);
          return false;
        }
        if (i > 0) {
          // match types like a binary operation
          if (isUntyped(x.type) && !isUntyped(a.type)) convertUntyped(check, x, a.type);
          else if (!isUntyped(x.type) && isUntyped(a.type)) convertUntyped(check, a, x.type);
          if ((x.mode as Mode) === Mode.Invalid || (a.mode as Mode) === Mode.Invalid) return false;
          if (isUntyped(x.type) && isUntyped(a.type)) {
            // pick the "larger" untyped kind
            if ((a.type as Basic).kind > (x.type as Basic).kind) x.type = a.type;
          } else if (!identical(x.type, a.type)) {
            check.error(a, `invalid argument: mismatched types ${check.t(x.type)} (previous argument) and ${check.t(a.type)} (type of ${check.e(a.expr as ast.Expr)})`);
            return false;
          }
          if ((x.mode as Mode) === Mode.Constant && (a.mode as Mode) === Mode.Constant) {
            const better = compare(a.val as Value, id === BuiltinId.Max ? ">" : "<", x.val as Value);
            if (better) x.val = a.val;
          } else x.mode = Mode.Value;
        }
      }
      if ((x.mode as Mode) !== Mode.Constant) {
        x.mode = Mode.Value;
        if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type, ...args.map((a) => a.type)));
      }
      return true;
    }
    case BuiltinId.Add: {
      if (!check.allowVersion(1, 17)) {
        check.versionError(fun, "go1.17", "unsafe.Add");
        return false;
      }
      assignment(check, x, Typ[BasicKind.UnsafePointer], "argument to unsafe.Add");
      if ((x.mode as Mode) === Mode.Invalid) return false;
      const y = args[1];
      if (!isValidIndex(check, y, "length", true)) return false;
      x.mode = Mode.Value;
      x.type = Typ[BasicKind.UnsafePointer];
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type, x.type, y.type));
      return true;
    }
    case BuiltinId.Alignof:
    case BuiltinId.Sizeof: {
      assignment(check, x, null, `argument to unsafe.${bin.name}`);
      if ((x.mode as Mode) === Mode.Invalid) return false;
      if (hasVarSize(x.type, null)) {
        x.mode = Mode.Value;
        if (check.info !== null) check.recordBuiltinType(fun, makeSig(Typ[BasicKind.Uintptr], x.type));
      } else {
        x.mode = Mode.Constant;
        x.val = makeInt64(BigInt(id === BuiltinId.Sizeof ? sizeof(x.type) : alignof(x.type)));
      }
      x.type = Typ[BasicKind.Uintptr];
      return true;
    }
    case BuiltinId.Offsetof: {
      const arg0 = call.args[0];
      const selx = unparen(arg0);
      if (selx.kind !== "SelectorExpr") {
        check.error(arg0, `invalid argument: ${check.e(arg0)} is not a selector expression`);
        use(check, arg0);
        return false;
      }
      expr(check, x, selx.x);
      if ((x.mode as Mode) === Mode.Invalid) return false;
      let base = x.type;
      const bu = underT(base);
      if (bu instanceof Pointer && underT(bu.base) instanceof Struct) base = bu.base;
      const sel = selx.sel.name;
      const r = lookupFieldOrMethod(base, false, check.pkg, sel);
      if (r.obj === null) {
        check.error(x, `invalid argument: ${check.t(base)} has no single field ${sel}`);
        return false;
      }
      if (r.obj instanceof Func) {
        check.error(arg0, `invalid argument: ${check.e(arg0)} is a method value`);
        return false;
      }
      if (r.indirect) {
        check.error(x, `invalid argument: field ${sel} is embedded via a pointer in ${check.t(base)}`);
        return false;
      }
      const index = r.index ?? [];
      check.recordSelection(selx, SelectionKind.FieldVal, base, r.obj, index, false, r.obj.typ());
      const fo = new Operand();
      fo.mode = (x.mode as Mode) === Mode.Variable ? Mode.Variable : Mode.Value;
      fo.expr = selx;
      fo.type = r.obj.typ();
      check.record(fo);
      if (hasVarSize(base, null)) {
        x.mode = Mode.Value;
        if (check.info !== null) check.recordBuiltinType(fun, makeSig(Typ[BasicKind.Uintptr], r.obj.typ()));
      } else {
        x.mode = Mode.Constant;
        x.val = makeInt64(BigInt(offsetOf(base, index)));
      }
      x.type = Typ[BasicKind.Uintptr];
      return true;
    }
    case BuiltinId.Slice: {
      if (!check.allowVersion(1, 17)) {
        check.versionError(fun, "go1.17", "unsafe.Slice");
        return false;
      }
      const u = underT(x.type);
      if (!(u instanceof Pointer)) {
        check.error(x, `invalid argument: ${check.o(x)} is not a pointer`);
        return false;
      }
      const y = args[1];
      if (!isValidIndex(check, y, "length", false)) return false;
      x.mode = Mode.Value;
      x.type = new Slice(u.base);
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type, u, y.type));
      return true;
    }
    case BuiltinId.SliceData: {
      const u = underT(x.type);
      if (!(u instanceof Slice)) {
        check.error(x, `invalid argument: ${check.o(x)} is not a slice`);
        return false;
      }
      x.mode = Mode.Value;
      x.type = new Pointer(u.elem);
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type, u));
      return true;
    }
    case BuiltinId.String: {
      assignment(check, x, new Pointer(universeByte.type as Type), "argument to unsafe.String");
      if ((x.mode as Mode) === Mode.Invalid) return false;
      const y = args[1];
      if (!isValidIndex(check, y, "length", false)) return false;
      x.mode = Mode.Value;
      x.type = Typ[BasicKind.String];
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type, new Pointer(universeByte.type as Type), y.type));
      return true;
    }
    case BuiltinId.StringData: {
      assignment(check, x, Typ[BasicKind.String], "argument to unsafe.StringData");
      if ((x.mode as Mode) === Mode.Invalid) return false;
      x.mode = Mode.Value;
      x.type = new Pointer(universeByte.type as Type);
      if (check.info !== null) check.recordBuiltinType(fun, makeSig(x.type, Typ[BasicKind.String]));
      return true;
    }
    case BuiltinId.Assert:
    case BuiltinId.Trace:
      x.mode = Mode.NoValue;
      return true;
  }
  return false;
}

function typeSetOrUnder(t: Type, f: (u: Type | null) => boolean): boolean {
  if (t instanceof TypeParam) return typeSetUnderIs(computeInterfaceTypeSet(t.iface()), f);
  return f(t.underlying());
}

let emptyIfaceCache: Type | null = null;
function emptyIface(): Type {
  if (emptyIfaceCache === null) {
    const i = new Interface([], []);
    i.complete = true;
    emptyIfaceCache = i;
  }
  return emptyIfaceCache;
}

/** Offset of the field reached through the embedded path index in struct type base. */
function offsetOf(base: Type, index: number[]): number {
  let off = 0;
  let t = base;
  for (const i of index) {
    const s = underT(t);
    if (!(s instanceof Struct)) return off;
    off += offsetsof(s)[i];
    t = s.fields[i].typ();
  }
  return off;
}

export { representableConst, allNumeric, allString, isComplex, isFloat, typExpr };
