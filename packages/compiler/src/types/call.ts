/**
 * Calls, selectors and instantiation (types2's call.go plus the checker's
 * side of instantiation): function calls with argument checking and type
 * inference, conversions and builtin dispatch, x.sel selectors (package
 * members, fields, method values, method expressions), explicit function
 * instantiation f[T], generic type instantiation T[A].
 */
import type * as ast from "../syntax/ast.js";
import { nodePos } from "../syntax/ast.js";
import type { Pos } from "../syntax/position.js";
import { assignment, typesSummary } from "./assignments.js";
import { builtin, builtinKind } from "./builtins.js";
import type { Checker } from "./checker.js";
import { conversion } from "./conversions.js";
import { cycleError } from "./decl.js";
import { ExprKind, expr, exprOrType, multiExpr, rawExpr, use } from "./expr.js";
import { indexExpr } from "./indexexpr.js";
import { infer } from "./infer.js";
import { instance, verify } from "./instantiate.js";
import { interfacePtrError, lookupFieldOrMethod } from "./lookup.js";
import { Builtin, Const, Func, PkgName, TypeName, Var } from "./object.js";
import { Mode, Operand } from "./operand.js";
import { coreType, isInterfacePtr, underT } from "./predicates.js";
import { SelectionKind } from "./info.js";
import { makeSubstMap, subst } from "./subst.js";
import { BasicKind, Interface, Named, Signature, Slice, Tuple, Typ, TypeParam, type Type, isInvalid } from "./type.js";
import { computeInterfaceTypeSet, typeSetIsMethodSet } from "./typeset.js";
import { typeList } from "./typexpr.js";
import { objDecl } from "./decl.js";

// ---- instantiation --------------------------------------------------------------

/** Instantiates generic type orig with targs; constraint checks run later. */
export function instantiateNamed(check: Checker, pos: Pos, orig: Named, targs: Type[], xlist: ast.Expr[]): Type {
  const inst = instance(orig, targs, null, check.context(), check, pos);
  check.later(() => {
    const tparams = orig.tparams;
    if (targs.length !== tparams.length) {
      check.error(pos, `got ${targs.length} arguments but ${tparams.length} type parameters`);
      return;
    }
    const v = verify(check, pos, tparams, targs, check.context());
    if (v !== null) {
      const at = v.index < xlist.length ? nodePos(xlist[v.index]) : pos;
      check.softError(at, v.cause);
    } else check.mono.recordInstance(check.pkg, pos, tparams, targs, xlist.map(nodePos));
  });
  return inst;
}

function instantiateSignature(check: Checker, pos: Pos, sig: Signature, targs: Type[], xlist: ast.Expr[]): Signature {
  const inst = instance(sig, targs, null, check.context(), check, pos);
  if (!(inst instanceof Signature)) return sig;
  check.later(() => {
    const v = verify(check, pos, sig.tparams, targs, check.context());
    if (v !== null) {
      const at = v.index < xlist.length ? nodePos(xlist[v.index]) : pos;
      check.softError(at, v.cause);
    } else check.mono.recordInstance(check.pkg, pos, sig.tparams, targs, xlist.map(nodePos));
  });
  return inst;
}

/** Sets the bounds of a method's receiver type parameters from the receiver base type's. */
export function substRecvBounds(check: Checker, recvTParams: TypeParam[], tparams: TypeParam[]): void {
  const smap = makeSubstMap(recvTParams, tparams);
  for (let i = 0; i < tparams.length; i++) {
    tparams[i].bound = subst(recvTParams[i].bound, smap, check, null, check.context(), tparams[i].obj.pos);
    check.mono.recordCanon(tparams[i], recvTParams[i]);
  }
}

/** Explicit instantiation f[T] of a generic function value x. */
export function funcInst(check: Checker, x: Operand, inst: ast.IndexExpr | ast.IndexListExpr): void {
  const xlist = inst.kind === "IndexExpr" ? [inst.index] : inst.indices;
  const targs0 = typeList(check, xlist);
  if (targs0 === null) {
    x.mode = Mode.Invalid;
    x.expr = inst;
    return;
  }
  let targs: Type[] = targs0;
  const sig = x.type as Signature;
  const got = targs.length;
  const want = sig.tparams.length;
  if (got > want) {
    check.error(xlist[got - 1], `got ${got} type arguments but want ${want}`);
    x.mode = Mode.Invalid;
    x.expr = inst;
    return;
  }
  if (got < want) {
    const r = infer(check, inst.lbrack, sig.tparams, targs, null, []);
    if (r === null) {
      x.mode = Mode.Invalid;
      x.expr = inst;
      return;
    }
    targs = r;
  }
  const res = instantiateSignature(check, nodePos(inst.x), sig, targs, xlist);
  check.recordInstance(inst.x, targs, res);
  x.type = res;
  x.mode = Mode.Value;
  x.expr = inst;
}

// ---- calls ---------------------------------------------------------------------------

export function callExpr(check: Checker, x: Operand, call: ast.CallExpr): ExprKind {
  let inst: ast.IndexExpr | ast.IndexListExpr | null = null;
  const fun = call.fun;
  if (fun.kind === "IndexExpr" || fun.kind === "IndexListExpr") {
    if (indexExpr(check, x, fun)) inst = fun;
    x.expr = fun;
    check.record(x);
  } else {
    exprOrType(check, x, fun, true);
  }

  switch (x.mode) {
    case Mode.Invalid:
      use(check, ...call.args);
      x.expr = call;
      return ExprKind.Statement;
    case Mode.TypExpr: {
      // conversion
      const T = x.type;
      if (T instanceof Named && T.tparams.length > 0 && T.targs.length === 0) {
        check.error(x, `cannot use generic type ${check.t(T)} without instantiation`);
        x.mode = Mode.Invalid;
        x.expr = call;
        return ExprKind.Conversion;
      }
      x.mode = Mode.Invalid;
      const n = call.args.length;
      if (n === 0) {
        check.error(call, `missing argument in conversion to ${check.t(T)}`);
      } else if (n === 1) {
        expr(check, x, call.args[0]);
        if ((x.mode as Mode) !== Mode.Invalid) {
          const t = underT(T);
          if (t instanceof Interface && !(T instanceof TypeParam)) {
            if (!typeSetIsMethodSet(computeInterfaceTypeSet(t, check, nodePos(call)))) {
              check.error(call, `cannot use interface ${check.t(T)} in conversion (contains specific type constraints or is comparable)`);
              x.mode = Mode.Invalid;
              x.expr = call;
              return ExprKind.Conversion;
            }
          }
          if (call.ellipsis !== 0) {
            check.error(call.args[0], `invalid use of ... in type conversion to ${check.t(T)}`);
            x.mode = Mode.Invalid;
          } else conversion(check, x, T);
        }
      } else {
        use(check, ...call.args);
        check.error(call.args[n - 1], `too many arguments in conversion to ${check.t(T)}`);
      }
      x.expr = call;
      return ExprKind.Conversion;
    }
    case Mode.Builtin: {
      const id = x.id;
      if (!builtin(check, x, call, id)) x.mode = Mode.Invalid;
      x.expr = call;
      if ((x.mode as Mode) !== Mode.Invalid && (x.mode as Mode) !== Mode.Constant) check.env.hasCallOrRecv = true;
      return builtinKind(id);
    }
  }

  const ct = coreType(x.type);
  if (!(ct instanceof Signature)) {
    check.error(x, `invalid operation: cannot call non-function ${check.o(x)}`);
    x.mode = Mode.Invalid;
    x.expr = call;
    return ExprKind.Statement;
  }
  let sig: Signature = ct;

  let xlist: ast.Expr[] = [];
  let targs: Type[] = [];
  if (inst !== null) {
    xlist = inst.kind === "IndexExpr" ? [inst.index] : inst.indices;
    const tl = typeList(check, xlist);
    if (tl === null) {
      use(check, ...call.args);
      x.mode = Mode.Invalid;
      x.expr = call;
      return ExprKind.Statement;
    }
    targs = tl;
    const got = targs.length;
    const want = sig.tparams.length;
    if (got > want) {
      check.error(xlist[want], `got ${got} type arguments but want ${want}`);
      use(check, ...call.args);
      x.mode = Mode.Invalid;
      x.expr = call;
      return ExprKind.Statement;
    }
  }

  const args = exprList(check, call.args, false).list;
  const isGeneric = sig.tparams.length > 0;
  sig = callArguments(check, call, sig, targs, args, xlist);
  if (isGeneric && sig.tparams.length === 0) check.recordTypeAndValue(call.fun, Mode.Value, sig, null);

  switch (sig.results.vars.length) {
    case 0:
      x.mode = Mode.NoValue;
      break;
    case 1:
      x.mode = Mode.Value;
      x.type = sig.results.vars[0].typ();
      break;
    default:
      x.mode = Mode.Value;
      x.type = sig.results;
  }
  x.expr = call;
  check.env.hasCallOrRecv = true;
  if ((x.mode as Mode) === Mode.Value && sig.tparams.length > 0) {
    // inference failed (error reported): the result type is meaningless
    x.mode = Mode.Invalid;
  }
  return ExprKind.Statement;
}

/** Evaluates an expression list, unpacking a single multi-valued call. */
export function exprList(check: Checker, elist: ast.Expr[], allowCommaOk: boolean): { list: Operand[]; commaOk: boolean } {
  if (elist.length === 0) return { list: [], commaOk: false };
  if (elist.length === 1) {
    const e = elist[0];
    const x = new Operand();
    multiExpr(check, x, e);
    if (x.type instanceof Tuple && (x.mode as Mode) !== Mode.Invalid) {
      const list = x.type.vars.map((v) => {
        const o = new Operand();
        o.mode = Mode.Value;
        o.expr = e;
        o.type = v.typ();
        return o;
      });
      return { list, commaOk: false };
    }
    const list = [x];
    if (allowCommaOk && ((x.mode as Mode) === Mode.MapIndex || (x.mode as Mode) === Mode.CommaOk || (x.mode as Mode) === Mode.CommaErr)) {
      const o = new Operand();
      o.mode = Mode.Value;
      o.expr = e;
      o.type = Typ[BasicKind.UntypedBool];
      list.push(o);
      return { list, commaOk: true };
    }
    return { list, commaOk: false };
  }
  const list = elist.map((e) => {
    const x = new Operand();
    expr(check, x, e);
    return x;
  });
  return { list, commaOk: false };
}

export function callArguments(check: Checker, call: ast.CallExpr, sig: Signature, targs: Type[], args: Operand[], xlist: ast.Expr[]): Signature {
  const rsig = sig;
  for (const a of args) {
    if ((a.mode as Mode) === Mode.TypExpr) {
      check.error(a, `${check.o(a)} used as value`);
      return rsig;
    }
    if ((a.mode as Mode) === Mode.Invalid) return rsig;
  }
  const nargs = args.length;
  let npars = sig.params.vars.length;
  const ddd = call.ellipsis !== 0;
  let sigParams = sig.params;
  let adjusted = false;
  if (sig.variadic) {
    if (ddd) {
      if (call.args.length === 1 && nargs > 1) {
        check.error(call, `cannot use ... with ${nargs}-valued ${check.e(call.args[0])}`);
        return rsig;
      }
    } else if (nargs >= npars - 1) {
      const vars = sig.params.vars.slice(0, npars - 1);
      const last = sig.params.vars[npars - 1];
      const lt = last.typ();
      const et = lt instanceof Slice ? lt.elem : (coreType(lt) as Slice | null)?.elem ?? Typ[BasicKind.Invalid];
      while (vars.length < nargs) vars.push(Var.newParam(last.pos, last.pkg, last.name, et));
      sigParams = new Tuple(vars);
      adjusted = true;
      npars = nargs;
    } else npars--;
  } else if (ddd) {
    check.error(call, `cannot use ... in call to non-variadic ${check.e(call.fun)}`);
    return rsig;
  }
  if (nargs !== npars) {
    let at: ast.Node | number = call;
    let qualifier = "not enough";
    if (nargs > npars) {
      at = args[npars].expr ?? call;
      qualifier = "too many";
    } else if (nargs > 0) at = args[nargs - 1].expr ?? call;
    const have = typesSummary(check, args.map((a) => a.type), false);
    const want = typesSummary(check, sig.params.vars.map((v) => v.typ()), sig.variadic);
    check.error(at, `${qualifier} arguments in call to ${check.e(call.fun)}\n\thave ${have}\n\twant ${want}`);
    return rsig;
  }
  let result = rsig;
  if (sig.tparams.length > 0) {
    // gc positions inference and instantiation errors at the call's "("
    const inferred = infer(check, call.lparen, sig.tparams, targs, sigParams, args);
    if (inferred === null) return rsig;
    result = instantiateSignature(check, call.lparen, sig, inferred, xlist);
    check.recordInstance(call.fun, inferred, result);
    if (adjusted) {
      sigParams = subst(sigParams, makeSubstMap(sig.tparams, inferred), check, null, check.context()) as Tuple;
    } else sigParams = result.params;
  }
  if (args.length > 0) {
    const context = `argument to ${check.e(call.fun)}`;
    args.forEach((a, i) => assignment(check, a, sigParams.vars[i].typ(), context));
  }
  return result;
}

// ---- selectors -------------------------------------------------------------------------

export function selector(check: Checker, x: Operand, e: ast.SelectorExpr, def: Named | null, wantType: boolean): void {
  void wantType;
  const sel = e.sel.name;
  if (e.x.kind === "Ident") {
    const obj = check.lookup(e.x.name);
    if (obj instanceof PkgName) {
      check.recordUse(e.x, obj);
      obj.used = true;
      const pkg = obj.imported;
      const exp = pkg.scope.lookup(sel);
      if (exp === undefined) {
        if (!pkg.fake) check.error(e.sel, `undefined: ${pkg.name}.${sel}`);
        x.mode = Mode.Invalid;
        x.expr = e;
        return;
      }
      if (!exp.exported()) {
        // gc sees imported packages through export data, where unexported names are absent
        check.error(e.sel, `undefined: ${pkg.name}.${sel}`);
        x.mode = Mode.Invalid;
        x.expr = e;
        return;
      }
      check.recordUse(e.sel, exp);
      if (exp instanceof Const) {
        x.mode = Mode.Constant;
        x.type = exp.typ();
        x.val = exp.val;
      } else if (exp instanceof TypeName) {
        x.mode = Mode.TypExpr;
        x.type = exp.typ();
      } else if (exp instanceof Var) {
        x.mode = Mode.Variable;
        x.type = exp.typ();
      } else if (exp instanceof Func) {
        x.mode = Mode.Value;
        x.type = exp.typ();
      } else if (exp instanceof Builtin) {
        x.mode = Mode.Builtin;
        x.type = exp.typ();
        x.id = exp.builtinId;
      } else {
        x.mode = Mode.Invalid;
      }
      x.expr = e;
      return;
    }
  }

  exprOrType(check, x, e.x, false);
  switch (x.mode) {
    case Mode.TypExpr:
      if (def !== null && x.type === def) {
        cycleError(check, [def.obj]);
        x.mode = Mode.Invalid;
        x.expr = e;
        return;
      }
      break;
    case Mode.Builtin:
      check.error(e.sel.pos, `cannot select on ${check.o(x)}`);
      x.mode = Mode.Invalid;
      x.expr = e;
      return;
    case Mode.Invalid:
      x.expr = e;
      return;
  }

  const r = lookupFieldOrMethod(x.type, (x.mode as Mode) === Mode.Variable, check.pkg, sel);
  const obj = r.obj;
  if (obj === null) {
    fail: {
      if (isInvalid(underT(x.type))) break fail;
      if (r.index !== null) {
        check.error(e.sel, `ambiguous selector ${check.e(e.x)}.${sel}`);
        break fail;
      }
      if (r.indirect) {
        check.error(e.sel, `cannot call pointer method ${sel} on ${check.t(x.type)}`);
        break fail;
      }
      let why: string;
      if (isInterfacePtr(x.type)) why = interfacePtrError(check.qualifier, x.type);
      else {
        why = `type ${check.t(x.type)} has no field or method ${sel}`;
        if (sel.length > 0) {
          const c = sel[0];
          const changed = (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + sel.slice(1);
          if (changed !== sel) {
            const r2 = lookupFieldOrMethod(x.type, (x.mode as Mode) === Mode.Variable, check.pkg, changed);
            if (r2.obj !== null) why += ", but does have " + changed;
          }
        }
      }
      check.error(e.sel, `${check.e(e.x)}.${sel} undefined (${why})`);
    }
    x.mode = Mode.Invalid;
    x.expr = e;
    return;
  }

  if (obj instanceof Func && obj.type === null && check.objMap.has(obj)) objDecl(check, obj, null);

  if ((x.mode as Mode) === Mode.TypExpr) {
    if (!(obj instanceof Func)) {
      check.error(e.sel, `${check.e(e.x)}.${sel} undefined (type ${check.t(x.type)} has no method ${sel})`);
      x.mode = Mode.Invalid;
      x.expr = e;
      return;
    }
    const sig = obj.type as Signature;
    if (sig === null || sig.recv === null) {
      check.error(e, "illegal cycle in method declaration");
      x.mode = Mode.Invalid;
      x.expr = e;
      return;
    }
    const params = sig.params.vars;
    let name = "";
    if (params.length > 0 && params[0].name !== "") {
      name = sig.recv.name;
      if (name === "") name = "_";
    }
    const recvVar = new Var(sig.recv.pos, sig.recv.pkg, name, x.type);
    const nsig = new Signature(null, new Tuple([recvVar, ...params]), sig.results, sig.variadic);
    nsig.tparams = sig.tparams;
    check.recordSelection(e, SelectionKind.MethodExpr, x.type, obj, r.index ?? [], r.indirect, nsig);
    x.mode = Mode.Value;
    x.type = nsig;
    check.addDeclDep(obj);
  } else if (obj instanceof Var) {
    check.recordSelection(e, SelectionKind.FieldVal, x.type, obj, r.index ?? [], r.indirect, obj.typ());
    x.mode = (x.mode as Mode) === Mode.Variable || r.indirect ? Mode.Variable : Mode.Value;
    x.type = obj.typ();
  } else {
    const fsig = obj.type as Signature | null;
    if (fsig === null) {
      x.mode = Mode.Invalid;
      x.expr = e;
      return;
    }
    const msig = new Signature(null, fsig.params, fsig.results, fsig.variadic);
    msig.tparams = fsig.tparams;
    msig.scope = fsig.scope;
    check.recordSelection(e, SelectionKind.MethodVal, x.type, obj, r.index ?? [], r.indirect, msig);
    x.mode = Mode.Value;
    x.type = msig;
    check.addDeclDep(obj);
  }
  x.expr = e;
}

export { rawExpr };
