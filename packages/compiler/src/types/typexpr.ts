/**
 * Type expressions (types2's typexpr.go, signature.go, struct.go,
 * interface.go, union.go): identifiers, type literals, function signatures,
 * struct and interface types, generic type instantiation, array lengths.
 */
import { Kind, int64Val, toInt, stringVal } from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { nodePos } from "../syntax/ast.js";
import { NoPos } from "../syntax/position.js";
import type { Checker } from "./checker.js";
import { boundType, collectTypeParams, declareTypeParam, objDecl } from "./decl.js";
import { expr, representableConst, use } from "./expr.js";
import { instantiateNamed, substRecvBounds } from "./call.js";
import { selector } from "./call.js";
import { Builtin, Color, Const, Func, Nil, PkgName, TypeName, Var } from "./object.js";
import { Mode, Operand } from "./operand.js";
import { isComparable, isGeneric, isInteger, isUntyped } from "./predicates.js";
import { sizeof } from "./sizes.js";
import { declare, unpackRecv } from "./resolver.js";
import { Scope } from "./scope.js";
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
  Term,
  Tuple,
  Typ,
  TypeParam,
  TypeSet,
  Union,
  type Type,
  isInvalid,
} from "./type.js";
import { computeInterfaceTypeSet, checkUnionTerms, maxTermCount, sortMethods, typeSetIsMethodSet } from "./typeset.js";
import { comparableObj, comparableType, iotaObj, Universe } from "./universe.js";
const anyObj = Universe.lookup("any");

export function openScope(check: Checker, node: ast.Node, comment: string): Scope {
  const s = new Scope(check.env.scope, nodePos(node), nodeEndSafe(node), comment);
  check.recordScope(node, s);
  check.env.scope = s;
  return s;
}

function nodeEndSafe(n: ast.Node): number {
  // imported lazily to avoid a cycle at load time
  return nodeEndFn(n);
}
import { nodeEnd as nodeEndFn } from "../syntax/ast.js";

export function closeScope(check: Checker): void {
  check.env.scope = check.env.scope.parent as Scope;
}

/** Resolves identifier e; x receives the operand. wantType forces full checking of type names. */
export function ident(check: Checker, x: Operand, e: ast.Ident, def: Named | null, wantType: boolean): void {
  x.mode = Mode.Invalid;
  x.expr = e;
  x.type = Typ[BasicKind.Invalid];
  const r = check.env.scope.lookupParent(e.name, check.env.pos);
  if (r === undefined) {
    if (e.name === "_") {
      const tp = check.recvTParamMap.get(e);
      if (tp !== undefined) {
        x.mode = Mode.TypExpr;
        x.type = tp;
      } else check.error(e, "cannot use _ as value or type");
    } else {
      check.error(e, `undefined: ${e.name}`);
    }
    return;
  }
  const [scope, obj] = r;
  if ((obj === anyObj || obj === comparableObj) && !check.allowVersion(1, 18)) {
    check.versionError(e, "go1.18", `predeclared ${e.name}`);
    return;
  }
  check.recordUse(e, obj);

  let typ = obj.type;
  if (typ === null || (obj instanceof TypeName && wantType)) {
    // package-level objects are checked on demand; local ones only need cycle detection (grey)
    if (check.objMap.has(obj) || obj.color >= Color.Grey) objDecl(check, obj, def);
    typ = obj.type;
  }
  if (typ === null) typ = Typ[BasicKind.Invalid];

  const dm = check.dotImportMap.get(scope);
  if (dm !== undefined) {
    const pn = dm.get(obj.name);
    if (pn !== undefined) pn.used = true;
  }

  if (obj instanceof PkgName) {
    check.error(e, `use of package ${obj.name} not in selector`);
    return;
  } else if (obj instanceof Const) {
    check.addDeclDep(obj);
    if (isInvalid(typ)) return;
    if (obj === iotaObj) {
      if (check.env.iota === null) {
        check.error(e, "cannot use iota outside constant declaration");
        return;
      }
      x.val = check.env.iota;
    } else x.val = obj.val;
    x.mode = Mode.Constant;
  } else if (obj instanceof TypeName) {
    if (check.brokenAliases.has(obj)) {
      check.error(e, `invalid use of type alias ${obj.name} in recursive type (see issue #50729)`);
      return;
    }
    x.mode = Mode.TypExpr;
  } else if (obj instanceof Var) {
    if (obj.pkg === check.pkg) obj.used = true;
    check.addDeclDep(obj);
    if (isInvalid(typ)) return;
    x.mode = Mode.Variable;
  } else if (obj instanceof Func) {
    check.addDeclDep(obj);
    x.mode = Mode.Value;
  } else if (obj instanceof Builtin) {
    x.id = obj.builtinId;
    x.mode = Mode.Builtin;
  } else if (obj instanceof Nil) {
    x.mode = Mode.NilValue;
  } else {
    return;
  }
  x.type = typ;
}

export function typ(check: Checker, e: ast.Expr): Type {
  return definedType(check, e, null);
}

export function varType(check: Checker, e: ast.Expr): Type {
  const t = definedType(check, e, null);
  validVarType(check, e, t);
  return t;
}

export function validVarType(check: Checker, e: ast.Expr, t: Type): void {
  if (t instanceof TypeParam) return;
  check.later(() => {
    const u = t.underlying();
    if (u instanceof Interface) {
      const pos = nodePos(e);
      const tset = computeInterfaceTypeSet(u, check, pos);
      if (!typeSetIsMethodSet(tset)) {
        if (tset.comparable)
          check.softError(pos, `cannot use type ${check.t(t)} outside a type constraint: interface is (or embeds) comparable`);
        else
          check.softError(pos, `cannot use type ${check.t(t)} outside a type constraint: interface contains type constraints`);
      }
    }
  });
}

export function definedType(check: Checker, e: ast.Expr, def: Named | null): Type {
  let t = typInternal(check, e, def);
  if (isGeneric(t)) {
    check.error(e, `cannot use generic type ${check.t(t)} without instantiation`);
    t = Typ[BasicKind.Invalid];
  }
  check.recordTypeAndValue(e, Mode.TypExpr, t, null);
  return t;
}

export function genericType(check: Checker, e: ast.Expr, reportErr: boolean): Type {
  let t = typInternal(check, e, null);
  if (!isInvalid(t) && !isGeneric(t)) {
    if (reportErr) check.error(e, `${check.t(t)} is not a generic type`);
    t = Typ[BasicKind.Invalid];
  }
  check.recordTypeAndValue(e, Mode.TypExpr, t, null);
  return t;
}

function setDef(def: Named | null, t: Type): void {
  if (def !== null) def.underlyingType = t;
}

function typInternal(check: Checker, e0: ast.Expr, def: Named | null): Type {
  const e = e0;
  switch (e.kind) {
    case "BadExpr":
      break;
    case "Ident":
    case "SelectorExpr": {
      const x = new Operand();
      if (e.kind === "Ident") ident(check, x, e, def, true);
      else selector(check, x, e, def, true);
      switch (x.mode) {
        case Mode.TypExpr:
          setDef(def, x.type);
          return x.type;
        case Mode.Invalid:
          break;
        case Mode.NoValue:
          check.error(x, `${check.o(x)} used as type`);
          break;
        default:
          check.error(x, `${check.o(x)} is not a type`);
      }
      break;
    }
    case "IndexExpr":
      return instantiatedType(check, e.x, [e.index], def, e);
    case "IndexListExpr":
      return instantiatedType(check, e.x, e.indices, def, e);
    case "ParenExpr":
      return definedType(check, e.x, def);
    case "ArrayType": {
      if (e.len === undefined) {
        const t = new Slice(Typ[BasicKind.Invalid]);
        setDef(def, t);
        underConstruction.add(t);
        t.elem = varType(check, e.elt);
        underConstruction.delete(t);
        return t;
      }
      if (e.len.kind === "Ellipsis" && e.len.elt === undefined) {
        check.error(e, "invalid use of [...] array (outside a composite literal)");
        varType(check, e.elt);
        break;
      }
      const at = new Array(Typ[BasicKind.Invalid], -1);
      setDef(def, at);
      underConstruction.add(at);
      const len = arrayLength(check, e.len);
      at.len = len;
      const elem = varType(check, e.elt);
      at.elem = elem;
      underConstruction.delete(at);
      if (len > 0) {
        check.later(() => {
          if (hasTypeParam(elem)) return;
          const es = sizeofSafe(elem);
          if (es > 0 && len > Math.floor((2 ** 50 - 1) / es)) check.error(e, `type ${check.t(at)} larger than address space`);
        });
      }
      if (len >= 0) return at;
      break;
    }
    case "Ellipsis":
      check.error(e, "invalid use of '...'");
      if (e.elt !== undefined) use(check, e.elt);
      break;
    case "StructType": {
      const t = new Struct([], []);
      setDef(def, t);
      underConstruction.add(t);
      structType(check, t, e);
      underConstruction.delete(t);
      return t;
    }
    case "StarExpr": {
      const t = new Pointer(Typ[BasicKind.Invalid]);
      setDef(def, t);
      t.base = varType(check, e.x);
      if (isInvalid(t.base)) break;
      return t;
    }
    case "FuncType": {
      const t = new Signature(null, new Tuple([]), new Tuple([]), false);
      setDef(def, t);
      funcType(check, t, null, e);
      return t;
    }
    case "InterfaceType": {
      const t = new Interface([], []);
      setDef(def, t);
      interfaceType(check, t, e, def);
      return t;
    }
    case "MapType": {
      const t = new MapType(Typ[BasicKind.Invalid], Typ[BasicKind.Invalid]);
      setDef(def, t);
      underConstruction.add(t);
      t.key = varType(check, e.key);
      t.elem = varType(check, e.value);
      underConstruction.delete(t);
      check.later(() => {
        if (!isComparable(t.key)) {
          const why = t.key instanceof TypeParam ? " (missing comparable constraint)" : "";
          check.error(e.key, `invalid map key type ${check.t(t.key)}${why}`);
        }
      });
      return t;
    }
    case "ChanType": {
      const dir = e.dir === "SEND" ? ChanDir.SendOnly : e.dir === "RECV" ? ChanDir.RecvOnly : ChanDir.SendRecv;
      const t = new Chan(dir, Typ[BasicKind.Invalid]);
      setDef(def, t);
      const elem = varType(check, e.value);
      t.elem = elem;
      check.later(() => {
        if (!hasTypeParam(elem) && sizeofSafe(elem) >= 1 << 16) check.error(e, "channel element type too large (>64kB)");
      });
      return t;
    }
    default:
      check.error(e0, `${check.e(e0)} is not a type`);
      use(check, e0);
  }
  const t = Typ[BasicKind.Invalid];
  setDef(def, t);
  return t;
}

function instantiatedType(check: Checker, x: ast.Expr, xlist: ast.Expr[], def: Named | null, ix: ast.Expr): Type {
  const gtyp = genericType(check, x, true);
  if (isInvalid(gtyp)) {
    for (const a of xlist) use(check, a);
    return gtyp;
  }
  const orig = gtyp as Named;
  const targs = typeList(check, xlist);
  if (targs === null) {
    setDef(def, Typ[BasicKind.Invalid]);
    return Typ[BasicKind.Invalid];
  }
  const inst = instantiateNamed(check, nodePos(x), orig, targs, xlist);
  setDef(def, inst);
  check.recordInstance(ix, targs, inst);
  return inst;
}

export function typeList(check: Checker, list: ast.Expr[]): Type[] | null {
  const res: Type[] = [];
  let ok = true;
  for (const x of list) {
    const t = varType(check, x);
    if (isInvalid(t)) ok = false;
    res.push(t);
  }
  return ok ? res : null;
}

export function arrayLength(check: Checker, e: ast.Expr): number {
  if (e.kind === "Ident") {
    const obj = check.lookup(e.name);
    if (obj === undefined) {
      check.error(e, `undeclared name ${e.name} for array length`);
      return -1;
    }
    if (!(obj instanceof Const)) {
      check.error(e, `invalid array length ${e.name}`);
      return -1;
    }
  }
  const x = new Operand();
  expr(check, x, e);
  if ((x.mode as Mode) !== Mode.Constant) {
    if ((x.mode as Mode) !== Mode.Invalid) check.error(x, `array length ${check.o(x)} must be constant`);
    return -1;
  }
  if (isUntyped(x.type) || isInteger(x.type)) {
    const v = toInt(x.val!);
    if (v.kind === Kind.Int && representableConst(v, check, Typ[BasicKind.Int], null)) {
      const [n, ok] = int64Val(v);
      if (ok && n >= 0n) return Number(n);
      check.error(x, `invalid array length ${check.o(x)}`);
      return -1;
    }
  }
  check.error(x, `array length ${check.o(x)} must be integer`);
  return -1;
}

// ---- signatures ----------------------------------------------------------

/** Fills sig from a function type (and receiver), declaring parameters in a new function scope. */
export function funcType(check: Checker, sig: Signature, recvPar: ast.FieldList | null, ftyp: ast.FuncType): void {
  const scope = openScope(check, ftyp, "function");
  scope.isFunc = true;
  sig.scope = scope;
  try {
    let recvField: ast.Field | null = null;
    if (recvPar !== null && recvPar.list.length > 0) {
      recvField = recvPar.list[0];
      const { rname, tparams: rparams } = unpackRecv(recvField.type);
      if (rparams.length > 0) {
        const tps: TypeParam[] = [];
        for (const rp of rparams) {
          let id: ast.Ident;
          if (rp.kind === "Ident") id = rp;
          else {
            check.error(rp, `receiver type parameter ${check.e(rp)} must be an identifier`);
            id = { kind: "Ident", pos: nodePos(rp), name: "_" };
          }
          const tp = declareTypeParam(check, id);
          if (id.name === "_") check.recvTParamMap.set(id, tp);
          tps.push(tp);
        }
        tps.forEach((tp, i) => (tp.index = i));
        sig.rparams = tps;
        let recvTParams: TypeParam[] = [];
        if (rname !== null) {
          const g = genericType(check, rname, false);
          if (g instanceof Named) recvTParams = g.tparams;
        }
        if (tps.length === recvTParams.length) {
          substRecvBounds(check, recvTParams, tps);
        } else if (tps.length < recvTParams.length) {
          const n = tps.length;
          check.error(recvField.type, `got ${n} type parameter${n === 1 ? "" : "s"}, but receiver base type declares ${recvTParams.length}`);
        }
      }
    }
    if (ftyp.typeParams !== undefined && ftyp.typeParams.list.length > 0) {
      collectTypeParams(check, ftyp.typeParams, (tps) => (sig.tparams = tps));
    }
    // Parameters are declared in a temporary scope (so that parameter names do not shadow
    // identifiers used in parameter types) and moved into the function scope afterwards.
    const tmp = new Scope(null, scope.pos, scope.end, "function body (temp. scope)");
    let recvList: Var[] = [];
    if (recvPar !== null) recvList = collectParams(check, tmp, recvPar.list, false).params;
    const p = collectParams(check, tmp, ftyp.params.list, true);
    const r = collectParams(check, tmp, ftyp.results !== undefined ? ftyp.results.list : [], false);
    for (const [name, obj] of tmp.elems) {
      const alt = scope.lookup(name);
      if (alt !== undefined) {
        check.error(obj.pos, `${name} redeclared in this block${altDeclSuffix(check, alt as Var)}`);
        continue;
      }
      scope.elems.set(name, obj);
      obj.parent = scope;
    }
    if (recvPar !== null) {
      let recv: Var;
      if (recvList.length === 0) {
        recv = Var.newParam(NoPos, null, "", Typ[BasicKind.Invalid]);
      } else {
        if (recvList.length > 1) check.error(recvList[recvList.length - 1].pos, "method must have exactly one receiver");
        recv = recvList[0];
      }
      sig.recv = recv;
      check.later(() => validateRecv(check, sig, recv));
    }
    sig.params = new Tuple(p.params);
    sig.results = new Tuple(r.params);
    sig.variadic = p.variadic;
  } finally {
    closeScope(check);
  }
}

function validateRecv(check: Checker, sig: Signature, recv: Var): void {
  let rtyp = recv.typ();
  if (rtyp instanceof Pointer) rtyp = rtyp.base;
  if (isInvalid(rtyp)) return;
  if (rtyp instanceof Named) {
    if (rtyp.targs.length > 0 && sig.rparams.length === 0) {
      check.error(recv.pos, `cannot define new methods on instantiated type ${check.t(rtyp)}`);
      return;
    }
    if (rtyp.obj.pkg !== check.pkg) {
      check.error(recv.pos, `cannot define new methods on non-local type ${check.t(rtyp)}`);
      return;
    }
    let cause = "";
    const u = rtyp.underlying();
    if (u instanceof Basic && u.kind === BasicKind.UnsafePointer) cause = "unsafe.Pointer";
    else if (u instanceof Pointer || u instanceof Interface) cause = "pointer or interface type";
    if (cause !== "") check.error(recv.pos, `invalid receiver type ${check.t(rtyp)} (${cause})`);
  } else if (rtyp instanceof Basic) {
    check.error(recv.pos, `cannot define new methods on non-local type ${check.t(rtyp)}`);
  } else {
    check.error(recv.pos, `invalid receiver type ${check.t(recv.typ())}`);
  }
}

function collectParams(check: Checker, scope: Scope, list: ast.Field[], variadicOk: boolean): { params: Var[]; variadic: boolean } {
  const params: Var[] = [];
  let variadic = false;
  list.forEach((field, i) => {
    let ftype = field.type;
    if (ftype.kind === "Ellipsis") {
      ftype = ftype.elt ?? { kind: "BadExpr", from: ftype.ellipsis, to: ftype.ellipsis };
      if (variadicOk && i === list.length - 1 && field.names.length <= 1) variadic = true;
      else check.softError(field.type, "can only use ... with final parameter in list");
    }
    let t = varType(check, ftype);
    if (variadic && i === list.length - 1) {
      t = new Slice(t);
      check.recordTypeAndValue(field.type, Mode.TypExpr, t, null);
    }
    if (field.names.length > 0) {
      for (const name of field.names) {
        const par = Var.newParam(name.pos, check.pkg, name.name, t);
        declare(check, scope, name, par, scope.pos);
        params.push(par);
      }
    } else {
      const par = Var.newParam(nodePos(field.type), check.pkg, "", t);
      check.recordImplicit(field, par);
      params.push(par);
    }
  });
  return { params, variadic };
}

// ---- structs ---------------------------------------------------------------

function structType(check: Checker, styp: Struct, e: ast.StructType): void {
  const fields = styp.fields;
  const tags = styp.tags;
  const fset = new Map<string, Var>();
  let hasTags = false;
  const add = (ident: ast.Ident, embedded: boolean, t: Type, tag: string, pos: number): void => {
    const fld = Var.newField(pos, check.pkg, ident.name, t, embedded);
    check.recordDef(ident, fld);
    if (ident.name !== "_") {
      const alt = fset.get(fld.id());
      if (alt !== undefined) {
        check.error(pos, `${ident.name} redeclared${altDeclSuffix(check, alt)}`);
        return; // duplicate fields are not added
      }
      fset.set(fld.id(), fld);
    }
    if (tag !== "" && !hasTags) {
      hasTags = true;
      for (let i = 0; i < fields.length; i++) tags.push("");
    }
    if (hasTags) tags.push(tag);
    fields.push(fld);
  };
  for (const f of e.fields.list) {
    const t = varType(check, f.type);
    const tag = f.tag !== undefined ? tagString(f.tag) : "";
    if (f.names.length > 0) {
      for (const name of f.names) add(name, false, t, tag, name.pos);
    } else {
      // embedded field
      const pos = nodePos(f.type);
      const name = embeddedFieldIdent(f.type);
      if (name === null) {
        check.error(f.type, `invalid embedded field type ${check.e(f.type)}`);
        const id: ast.Ident = { kind: "Ident", pos, name: "_" };
        add(id, true, Typ[BasicKind.Invalid], tag, pos);
        continue;
      }
      add(name, true, t, tag, pos);
      const embeddedPos = f.type;
      check.later(() => {
        let et = t;
        let isPtr = false;
        if (et instanceof Pointer) {
          et = et.base;
          isPtr = true;
        }
        const u = et.underlying();
        if (isInvalid(u)) return;
        if (et instanceof TypeParam) {
          check.error(embeddedPos, "embedded field type cannot be a (pointer to a) type parameter");
          return;
        }
        if (u instanceof Basic && u.kind === BasicKind.UnsafePointer) {
          check.error(embeddedPos, "embedded field type cannot be unsafe.Pointer");
        } else if (u instanceof Pointer) {
          check.error(embeddedPos, "embedded field type cannot be a pointer");
        } else if (isPtr && u instanceof Interface) {
          check.error(embeddedPos, "embedded field type cannot be a pointer to an interface");
        }
      });
    }
  }
}

function altDeclSuffix(check: Checker, alt: Var): string {
  const p = check.fset.position(alt.pos);
  return `\n\t${p.filename}:${p.line}:${p.column}: other declaration of ${alt.name}`;
}

function tagString(lit: ast.BasicLit): string {
  const v = lit.value;
  if (v.startsWith("`")) return v.slice(1, -1);
  try {
    return JSON.parse(v) as string;
  } catch {
    return v.slice(1, -1);
  }
}

/** The identifier naming an embedded field (T, *T, pkg.T, T[args]), or null. */
export function embeddedFieldIdent(e: ast.Expr): ast.Ident | null {
  switch (e.kind) {
    case "Ident":
      return e;
    case "StarExpr":
      if (e.x.kind !== "StarExpr") return embeddedFieldIdent(e.x);
      return null;
    case "SelectorExpr":
      return e.sel;
    case "IndexExpr":
    case "IndexListExpr":
      return embeddedFieldIdent(e.x);
    case "ParenExpr":
      return embeddedFieldIdent(e.x);
  }
  return null;
}

// ---- interfaces -------------------------------------------------------------

function interfaceType(check: Checker, ityp: Interface, iface: ast.InterfaceType, def: Named | null): void {
  const addEmbedded = (pos: number, t: Type): void => {
    ityp.embeddeds.push(t);
    ityp.embedPos.push(pos);
  };
  for (const f of iface.methods.list) {
    if (f.names.length === 0) {
      addEmbedded(nodePos(f.type), parseUnion(check, f.type));
      continue;
    }
    const name = f.names[0];
    if (name.name === "_") {
      check.error(name, "methods must have a unique non-blank name");
      continue;
    }
    const ft = f.type;
    if (ft.kind !== "FuncType") continue;
    const sig = new Signature(null, new Tuple([]), new Tuple([]), false);
    funcType(check, sig, null, ft);
    if (ft.typeParams !== undefined && ft.typeParams.list.length > 0) {
      check.error(ft.typeParams, "interface method must have no type parameters");
    }
    // receiver: the named type if any, else the interface itself
    let recvTyp: Type = ityp;
    if (def !== null) recvTyp = def;
    sig.recv = Var.newParam(name.pos, check.pkg, "", recvTyp);
    const m = new Func(name.pos, check.pkg, name.name, sig);
    ityp.methods.push(m);
    check.recordDef(name, m);
  }
  sortMethods(ityp.methods); // types2 keeps explicit methods sorted (printing order)
  ityp.complete = true;
  if (ityp.methods.length === 0 && ityp.embeddeds.length === 0) {
    ityp.tset = new TypeSet([], [new Term(false, null)], false);
    return;
  }
  check.later(() => {
    if (!check.allowVersion(1, 18)) {
      // as types2: report, and drop the element from the type set (no follow-on errors)
      const keep: Type[] = [];
      const keepPos: number[] = [];
      ityp.embeddeds.forEach((t, i) => {
        const pos = ityp.embedPos[i] ?? nodePos(iface);
        if (t instanceof Union) {
          check.versionError(pos, "go1.18", `embedding interface element ${check.t(t)}`);
          return;
        }
        const u = t.underlying();
        if (!isInvalid(u) && !(u instanceof Interface) && !(u instanceof Struct)) {
          check.versionError(pos, "go1.18", `embedding non-interface type ${check.t(t)}`);
          return;
        }
        keep.push(t);
        keepPos.push(pos);
      });
      if (keep.length !== ityp.embeddeds.length) {
        ityp.embeddeds = keep;
        ityp.embedPos = keepPos;
        ityp.tset = null;
      }
    }
    computeInterfaceTypeSet(ityp, check, nodePos(iface));
  });
}


/** Parses a union (or single) interface element A | ~B | C into a type (Union when more than one term or any tilde). */
function parseUnion(check: Checker, uexpr: ast.Expr): Type {
  const blist: ast.Expr[] = [];
  const flatten = (e: ast.Expr): void => {
    if (e.kind === "BinaryExpr" && e.op === "|") {
      flatten(e.x);
      flatten(e.y);
    } else blist.push(e);
  };
  flatten(uexpr);
  const terms: Term[] = [];
  const termPos: number[] = [];
  for (let i = 0; i < blist.length; i++) {
    const x = blist[i];
    if (i === maxTermCount) {
      check.error(x, `cannot handle more than ${maxTermCount} union terms (implementation limitation)`);
      return Typ[BasicKind.Invalid];
    }
    const term = parseTilde(check, x);
    if (blist.length === 1 && !term.tilde) return term.type as Type; // single embedded type
    if (term.type !== null && isInvalid(term.type)) continue;
    terms.push(term);
    termPos.push(nodePos(x));
  }
  if (terms.length === 0) return Typ[BasicKind.Invalid];
  const u = new Union(terms);
  check.later(() => checkUnionTerms(check, terms, termPos, comparableType));
  return u;
}

function parseTilde(check: Checker, tx: ast.Expr): Term {
  let x = tx;
  let tilde = false;
  if (x.kind === "UnaryExpr" && x.op === "~") {
    x = x.x;
    tilde = true;
  }
  let t = typ(check, x);
  // a lone type parameter cannot be a term (issue 47127)
  if (t instanceof TypeParam) {
    if (tilde) check.error(x, `type in term ${check.e(tx)} cannot be a type parameter`);
    else check.error(x, "term cannot be a type parameter");
    t = Typ[BasicKind.Invalid];
  }
  return new Term(tilde, t);
}

export { stringVal };

/** Size of t, or -1 if it cannot be computed (invalid/recursive types). */
function sizeofSafe(t: Type): number {
  try {
    return sizeof(t);
  } catch {
    return -1;
  }
}

/** Whether t mentions a type parameter (its size is then unknown, and expanding it may not terminate). */
function hasTypeParam(t: Type, depth = 0): boolean {
  if (depth > 50) return true;
  if (t instanceof TypeParam) return true;
  if (t instanceof Named) {
    if (isGeneric(t)) return true;
    for (const a of t.targs) if (hasTypeParam(a, depth + 1)) return true;
    return false;
  }
  if (t instanceof Array || t instanceof Slice || t instanceof Chan) return hasTypeParam(t.elem, depth + 1);
  if (t instanceof Pointer) return hasTypeParam(t.base, depth + 1);
  if (t instanceof MapType) return hasTypeParam(t.key, depth + 1) || hasTypeParam(t.elem, depth + 1);
  if (t instanceof Struct) {
    for (const f of t.fields) if (hasTypeParam(f.typ(), depth + 1)) return true;
  }
  return false;
}

/**
 * Composite types whose components are still being type-checked (the declared type's
 * underlying is set before its components, as in types2): a composite literal of such a
 * type is an "illegal cycle in type declaration".
 */
export const underConstruction = new WeakSet<Type>();
