/**
 * Declarations (types2's decl.go): lazy, dependency-driven checking of
 * package-level objects (objDecl with white/grey/black colors and cycle
 * detection), const/var/type/func declarations, type parameter lists,
 * method collection, and local declaration statements.
 */
import { makeInt64, makeUnknown } from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { nodeEnd, nodePos } from "../syntax/ast.js";
import { NoPos } from "../syntax/position.js";
import { initConst, initVar, initVars } from "./assignments.js";
import { type Checker, Environment } from "./checker.js";
import { expr } from "./expr.js";
import { Color, Const, Func, type GoObject, type Object, TypeName, Var } from "./object.js";
import { Operand } from "./operand.js";
import { isConstType, isGeneric } from "./predicates.js";
import { altDecl, arity, declare } from "./resolver.js";
import { funcBody } from "./stmt.js";
import { funcType, definedType, typ, varType, openScope, closeScope } from "./typexpr.js";
import { BasicKind, Interface, Named, Signature, Tuple, Typ, TypeParam, type Type, isInvalid } from "./type.js";
import { validType } from "./validtype.js";

/** Type-checks the declaration of a package-level object (or method) obj. */
export function objDecl(check: Checker, obj: Object, def: Named | null): void {
  if (obj.color === Color.White && obj.type !== null) {
    obj.color = Color.Black;
    return;
  }
  switch (obj.color) {
    case Color.White:
      obj.color = Color.Grey + check.push(obj);
      break;
    case Color.Black:
      return;
    default:
      // grey: a cycle
      if (obj instanceof Const || obj instanceof Var) {
        if (!validCycle(check, obj) || obj.type === null) obj.type = Typ[BasicKind.Invalid];
      } else if (obj instanceof TypeName) {
        if (!validCycle(check, obj)) obj.type = Typ[BasicKind.Invalid];
      } else if (obj instanceof Func) {
        validCycle(check, obj);
      }
      return;
  }

  try {
    const d = check.objMap.get(obj);
    if (d === undefined) throw new Error(`types: ${obj.name} should have been declared`);
    const saved = check.env;
    check.env = new Environment();
    check.env.scope = d.file;
    try {
      if (obj instanceof Const) {
        check.env.decl = d;
        constDecl(check, obj, d.vtyp, d.init, d.inherited);
      } else if (obj instanceof Var) {
        check.env.decl = d;
        varDecl(check, obj, d.lhs, d.vtyp, d.init);
      } else if (obj instanceof TypeName) {
        typeDecl(check, obj, d.tdecl as ast.TypeSpec, def);
        collectMethods(check, obj);
      } else if (obj instanceof Func) {
        funcDecl(check, obj, d.fdecl as ast.FuncDecl, d);
      }
    } finally {
      check.env = saved;
    }
  } finally {
    check.pop().color = Color.Black;
  }
}

function isAliasDecl(check: Checker, obj: TypeName): boolean {
  const d = check.objMap.get(obj);
  if (d !== undefined && d.tdecl !== null) return d.tdecl.assign !== NoPos;
  return obj.alias;
}

/** Reports whether the cycle starting at obj (grey) is valid; reports an error if not. */
export function validCycle(check: Checker, obj: GoObject): boolean {
  const start = obj.color - Color.Grey;
  const cycle = check.objPath.slice(start);
  let tparCycle = false;
  let nval = 0;
  let ndef = 0;
  for (const o of cycle) {
    if (o instanceof Const || o instanceof Var) nval++;
    else if (o instanceof TypeName) {
      if (check.env.inTParamList && o.type !== null && isGeneric(o.type)) {
        tparCycle = true;
        break;
      }
      if (!isAliasDecl(check, o)) ndef++;
    }
  }
  if (!tparCycle) {
    if (nval === cycle.length) return true;
    if (nval === 0 && ndef > 0) return true;
  }
  cycleError(check, cycle);
  return false;
}

function objQualName(check: Checker, obj: GoObject): string {
  if (obj.pkg !== null && obj.pkg !== check.pkg) {
    const q = check.qualifier(obj.pkg);
    if (q !== "") return q + "." + obj.name;
  }
  return obj.name;
}

export function cycleError(check: Checker, cycle: GoObject[]): void {
  let i = 0;
  for (let k = 1; k < cycle.length; k++) if (cycle[k].pos < cycle[i].pos) i = k;
  let obj = cycle[i];
  let objName = objQualName(check, obj);
  const tname = obj instanceof TypeName ? obj : null;
  if (tname !== null && isAliasDecl(check, tname)) {
    tname.type = Typ[BasicKind.Invalid];
    check.brokenAliases.delete(tname);
  }
  let msg = tname !== null ? `invalid recursive type ${objName}` : `illegal cycle in declaration of ${objName}`;
  const pos = obj.pos;
  for (let k = 0; k < cycle.length; k++) {
    msg += `\n\t${posString(check, obj.pos)}: ${objName} refers to`;
    i++;
    if (i >= cycle.length) i = 0;
    obj = cycle[i];
    objName = objQualName(check, obj);
  }
  msg += `\n\t${posString(check, obj.pos)}: ${objName}`;
  check.error(pos, msg);
}

export function posString(check: Checker, pos: number): string {
  const p = check.fset.position(pos);
  return `${p.filename}:${p.line}:${p.column}`;
}

export function constDecl(check: Checker, obj: Const, typExpr: ast.Expr | null, init: ast.Expr | null, inherited: boolean): void {
  const savedIota = check.env.iota;
  const savedErrpos = check.env.errpos;
  check.env.iota = obj.val;
  check.env.errpos = NoPos;
  try {
    obj.val = makeUnknown();
    if (typExpr !== null) {
      const t = typ(check, typExpr);
      if (!isConstType(t)) {
        if (!isInvalid(t.underlying())) check.error(typExpr, `invalid constant type ${check.t(t)}`);
        obj.type = Typ[BasicKind.Invalid];
        return;
      }
      obj.type = t;
    }
    const x = new Operand();
    if (init !== null) {
      if (inherited) check.env.errpos = obj.pos;
      expr(check, x, init);
    }
    initConst(check, obj, x);
  } finally {
    check.env.iota = savedIota;
    check.env.errpos = savedErrpos;
  }
}

export function varDecl(check: Checker, obj: Var, lhs: Var[] | null, typExpr: ast.Expr | null, init: ast.Expr | null): void {
  try {
    if (typExpr !== null) obj.type = varType(check, typExpr);
    if (init === null) {
      if (typExpr === null) obj.type = Typ[BasicKind.Invalid];
      return;
    }
    if (lhs === null || lhs.length === 1) {
      const x = new Operand();
      expr(check, x, init);
      initVar(check, obj, x, "variable declaration");
      return;
    }
    if (typExpr !== null) for (const v of lhs) v.type = obj.type;
    initVars(check, lhs, [init], null);
  } finally {
    if (isInvalid(obj.type)) obj.used = true;
    if (lhs !== null) for (const v of lhs) if (isInvalid(v.type)) v.used = true;
  }
}

export function typeDecl(check: Checker, obj: TypeName, tdecl: ast.TypeSpec, def: Named | null): void {
  let alias = tdecl.assign !== NoPos;
  if (alias && tdecl.typeParams !== undefined && tdecl.typeParams.list.length > 0) {
    check.error(tdecl, "generic type cannot be alias");
    alias = false;
  }
  if (alias) {
    obj.alias = true;
    check.brokenAliases.add(obj);
    obj.type = Typ[BasicKind.Invalid];
    const rhs = typ(check, tdecl.type);
    check.brokenAliases.delete(obj);
    obj.type = rhs;
    return;
  }

  const named = new Named(obj, null);
  obj.type = named;
  if (def !== null) def.setUnderlying(named);
  check.later(() => {
    if (obj.type instanceof Named) validType(check, obj.type);
  });

  const hasTParams = tdecl.typeParams !== undefined && tdecl.typeParams.list.length > 0;
  if (hasTParams) {
    openScope(check, tdecl, "type parameters");
  }
  try {
    if (hasTParams) collectTypeParams(check, tdecl.typeParams as ast.FieldList, (tps) => (named.tparams = tps));
    const rhs = definedType(check, tdecl.type, named);
    named.fromRHS = rhs;
    if (named.underlyingType === null) named.underlyingType = Typ[BasicKind.Invalid];
    // resolve chains of named types to the final underlying type
    resolveUnderlying(check, named);
    if (rhs instanceof TypeParam) {
      check.error(tdecl.type, "cannot use a type parameter as RHS in type declaration");
      named.setUnderlying(Typ[BasicKind.Invalid]);
    }
  } finally {
    if (hasTParams) closeScope(check);
  }
}

/**
 * Resolves the underlying type of a declared type whose right-hand side is
 * another named type (type A B), following the chain; a chain that comes
 * back to a type on it is an invalid recursive type (reported here).
 */
export function resolveUnderlying(check: Checker, n0: Named): void {
  let u = n0.underlyingType;
  if (!(u instanceof Named)) return;
  const seen = new Map<Named, number>();
  const path: TypeName[] = [];
  let n: Named = n0;
  let n1: Named = u;
  for (;;) {
    seen.set(n, seen.size);
    path.push(n.obj);
    n = n1;
    const i = seen.get(n);
    if (i !== undefined) {
      cycleError(check, path.slice(i));
      u = Typ[BasicKind.Invalid];
      break;
    }
    if (n.isInstance() && n.orig.obj.color !== Color.Black) {
      // the generic type is still being declared: expanding the instance now would copy an
      // incomplete underlying type; resolve once the declarations are done
      check.later(() => resolveUnderlying(check, n0));
      return;
    }
    const next: Type | null = n.isInstance() ? n.underlying() : n.underlyingType;
    if (next === null) {
      // a type on the chain is still being declared: resolve once declarations are done
      check.later(() => resolveUnderlying(check, n0));
      return;
    }
    if (next instanceof Named) {
      n1 = next;
      continue;
    }
    u = next;
    break;
  }
  for (const m of seen.keys()) m.setUnderlying(u);
}

/**
 * Declares the type parameters of list, hands them to `bind` (so that the generic type or
 * function is known to be generic while its constraints are checked), then checks the bounds.
 */
export function collectTypeParams(check: Checker, list: ast.FieldList, bind?: (tps: TypeParam[]) => void): TypeParam[] {
  const tparams: TypeParam[] = [];
  for (const f of list.list) {
    for (const name of f.names) tparams.push(declareTypeParam(check, name));
  }
  tparams.forEach((tp, i) => (tp.index = i));
  if (bind !== undefined) bind(tparams);
  const saved = check.env.inTParamList;
  check.env.inTParamList = true;
  try {
    let i = 0;
    for (const f of list.list) {
      let bound = boundType(check, f.type);
      if (bound instanceof TypeParam) {
        check.error(f.type, "cannot use a type parameter as constraint");
        bound = Typ[BasicKind.Invalid];
      }
      for (let k = 0; k < f.names.length; k++) tparams[i++].bound = bound;
    }
  } finally {
    check.env.inTParamList = saved;
  }
  return tparams;
}

/** The type of a constraint expression; ~T and unions become implicit interfaces. */
export function boundType(check: Checker, x: ast.Expr): Type {
  if ((x.kind === "UnaryExpr" && x.op === "~") || (x.kind === "BinaryExpr" && x.op === "|")) {
    const it: ast.InterfaceType = {
      kind: "InterfaceType",
      interface: nodePos(x),
      methods: { kind: "FieldList", opening: NoPos, list: [{ kind: "Field", names: [], type: x }], closing: NoPos },
      incomplete: false,
    };
    const t = typ(check, it);
    if (t instanceof Interface) t.implicit = true;
    return t;
  }
  return typ(check, x);
}

export function declareTypeParam(check: Checker, name: ast.Ident): TypeParam {
  const tname = new TypeName(name.pos, check.pkg, name.name, null);
  const tp = new TypeParam(tname, Typ[BasicKind.Invalid]);
  tname.type = tp;
  declare(check, check.env.scope, name, tname, check.env.scope.pos);
  return tp;
}

export function collectMethods(check: Checker, obj: TypeName): void {
  const methods = check.methods.get(obj);
  if (methods === undefined) return;
  check.methods.delete(obj);
  const base = obj.type instanceof Named ? obj.type : null;
  const mset = new Map<string, Func>();
  if (base !== null) {
    check.later(() => checkFieldUniqueness(check, base));
    for (const m of base.methods) mset.set(m.id(), m);
  }
  for (const m of methods) {
    const alt = mset.get(m.id());
    if (alt !== undefined) {
      check.error(m.pos, `${obj.name}.${m.name} redeclared in this block${altDecl(check, alt)}`);
      continue;
    }
    mset.set(m.id(), m);
    if (base !== null) base.addMethod(m);
  }
}

function checkFieldUniqueness(check: Checker, base: Named): void {
  const u = base.underlying();
  if (!(u instanceof Interface) && u.tag === 5 /* Struct */) {
    const st = u as import("./type.js").Struct;
    const mset = new Map<string, Func>();
    for (const m of base.methods) mset.set(m.id(), m);
    for (const fld of st.fields) {
      if (fld.name === "_") continue;
      const alt = mset.get(fld.id());
      if (alt !== undefined) {
        check.error(alt.pos, `field and method with the same name ${fld.name}${altDecl(check, fld)}`);
      }
    }
  }
}

export function funcDecl(check: Checker, obj: Func, fdecl: ast.FuncDecl, decl: import("./checker.js").DeclInfo): void {
  const sig = new Signature(null, new Tuple([]), new Tuple([]), false);
  obj.type = sig; // guard against cycles
  const saved = obj.color;
  obj.color = Color.Black;
  funcType(check, sig, fdecl.recv ?? null, fdecl.type);
  obj.color = saved;
  if (fdecl.type.typeParams !== undefined && fdecl.type.typeParams.list.length > 0 && fdecl.body === undefined) {
    check.softError(fdecl.name, "parameterized function is missing function body");
  }
  if (fdecl.body === undefined && check.conf.complete === true && fdecl.name.name !== "init" && !isLinknamed(check, fdecl.name.name)) {
    check.error(fdecl.name, "missing function body");
  }
  if (check.conf.ignoreFuncBodies !== true && fdecl.body !== undefined) {
    const body = fdecl.body;
    check.later(() => funcBody(check, decl, obj.name, sig, body, null));
  }
}

/** Local const/var/type declarations inside a function body. */
export function declStmt(check: Checker, d: ast.GenDecl): void {
  const pkg = check.pkg;
  switch (d.tok) {
    case "const": {
      let last: ast.ValueSpec | null = null;
      d.specs.forEach((spec, iota) => {
        const s = spec as ast.ValueSpec;
        const top = check.delayed.length;
        let inherited = true;
        if (s.type !== undefined || s.values.length > 0) {
          last = s;
          inherited = false;
        } else if (last === null) inherited = false;
        const src: ast.ValueSpec | null = last;
        const values = src !== null ? src.values : [];
        const vtyp = src !== null ? (src.type ?? null) : null;
        const lhs: Const[] = [];
        s.names.forEach((name, i) => {
          const obj = new Const(name.pos, pkg, name.name, null, makeInt64(BigInt(iota)));
          lhs.push(obj);
          constDecl(check, obj, vtyp, i < values.length ? values[i] : null, inherited);
        });
        arity(check, s, values, true, inherited);
        check.processDelayed(top);
        const scopePos = nodeEnd(s);
        s.names.forEach((name, i) => declare(check, check.env.scope, name, lhs[i], scopePos));
      });
      break;
    }
    case "var":
      for (const spec of d.specs) {
        const s = spec as ast.ValueSpec;
        const top = check.delayed.length;
        const lhs0 = s.names.map((name) => new Var(name.pos, pkg, name.name, null));
        const values = s.values;
        for (let i = 0; i < lhs0.length; i++) {
          const obj = lhs0[i];
          let lhs: Var[] | null = null;
          let init: ast.Expr | null = null;
          if (values.length === s.names.length) init = values[i];
          else if (values.length === 1) {
            lhs = lhs0;
            init = values[0];
          } else if (i < values.length) init = values[i];
          varDecl(check, obj, lhs, s.type ?? null, init);
          if (values.length === 1) break;
        }
        if (s.type === undefined || values.length > 0) arity(check, s, values, false, false);
        check.processDelayed(top);
        const scopePos = nodeEnd(s);
        s.names.forEach((name, i) => declare(check, check.env.scope, name, lhs0[i], scopePos));
      }
      break;
    case "type":
      if (!check.allowVersion(1, 20) && inGenericFunc(check) && d.specs.length > 0) {
        // gc 1.19's restriction (issue 47631), kept for -lang <= go1.19 only; gc's noder reports
        // it only when type checking succeeded, so it is reported at the end if nothing else was
        check.noderErrors.push({ pos: nodePos(d), msg: "type declarations inside generic functions are not currently supported" });
      }
      for (const spec of d.specs) {
        const s = spec as ast.TypeSpec;
        const obj = new TypeName(s.name.pos, pkg, s.name.name, null);
        declare(check, check.env.scope, s.name, obj, s.name.pos);
        obj.color = Color.Grey + check.push(obj);
        try {
          typeDecl(check, obj, s, null);
        } finally {
          check.pop().color = Color.Black;
        }
      }
      break;
    case "import":
      check.error(d, "imports must appear before other declarations");
      break;
  }
}

/** Checks all package-level objects in source order (types first, then aliases, then the rest). */
export function packageObjects(check: Checker): void {
  const objList = [...check.objMap.keys()].sort((a, b) => a.order - b.order);
  for (const obj of objList) {
    if (obj instanceof TypeName && obj.type !== null) collectMethods(check, obj);
  }
  const aliasList: TypeName[] = [];
  const others: Object[] = [];
  for (const obj of objList) {
    if (obj instanceof TypeName) {
      if (isAliasDecl(check, obj)) aliasList.push(obj);
      else objDecl(check, obj, null);
    } else others.push(obj);
  }
  for (const obj of aliasList) objDecl(check, obj, null);
  for (const obj of others) objDecl(check, obj, null);
  check.methods.clear();
}

/** Whether a //go:linkname directive in the package names `name` as its local symbol. */
function isLinknamed(check: Checker, name: string): boolean {
  for (const f of check.files) {
    for (const d of f.directives) {
      if (d.text.startsWith("//go:linkname ")) {
        const parts = d.text.split(/\s+/);
        if (parts[1] === name) return true;
      }
    }
  }
  return false;
}

/** Whether the body being checked belongs to a generic function or method (or a closure inside one). */
function inGenericFunc(check: Checker): boolean {
  const d = check.env.decl;
  if (d === null || d.fdecl === null) return false;
  const f = d.fdecl;
  if (f.type.typeParams !== undefined && f.type.typeParams.list.length > 0) return true;
  if (f.recv !== undefined && f.recv.list.length > 0) {
    let t = f.recv.list[0].type;
    while (t.kind === "ParenExpr" || t.kind === "StarExpr") t = t.x;
    return t.kind === "IndexExpr" || t.kind === "IndexListExpr";
  }
  return false;
}
