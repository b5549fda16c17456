/**
 * Package-level object collection (types2's resolver.go): declares every
 * package-level const, var, type and func in the package scope, imports into
 * file scopes, and associates methods with their receiver base type names.
 * Nothing is type-checked here; decl.ts does that lazily afterwards.
 */
import { makeInt64, unquote } from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { nodePos, nodeEnd, unparen } from "../syntax/ast.js";
import { NoPos, type Pos } from "../syntax/position.js";
import { type Checker, DeclInfo } from "./checker.js";
import { Const, Func, type GoObject, type Object, Package, PkgName, TypeName, Var, isExported } from "./object.js";
import { Scope } from "./scope.js";
import { Unsafe } from "./universe.js";

/** Declares obj in scope (reporting redeclarations); records the definition for id. */
export function declare(check: Checker, scope: Scope, id: ast.Ident | null, obj: Object, scopePos: Pos): void {
  if (obj.name !== "_") {
    const alt = scope.insert(obj);
    if (alt !== undefined) {
      check.error(obj.pos, `${obj.name} redeclared in this block${altDecl(check, alt)}`);
      return;
    }
    obj.scopePos = scopePos;
  }
  if (id !== null) check.recordDef(id, obj);
}

/** "\n\tfile:line:col: other declaration of x" suffix for redeclaration errors. */
export function altDecl(check: Checker, alt: GoObject): string {
  if (alt.pos === NoPos) return "";
  const p = check.fset.position(alt.pos);
  return `\n\t${p.filename}:${p.line}:${p.column}: other declaration of ${alt.name}`;
}

function declarePkgObj(check: Checker, id: ast.Ident, obj: Object, d: DeclInfo): void {
  if (id.name === "init") {
    check.error(id, "cannot declare init - must be func");
    return;
  }
  if (id.name === "main" && check.pkg.name === "main") {
    check.error(id, "cannot declare main - must be func");
    return;
  }
  declare(check, check.pkg.scope, id, obj, NoPos);
  check.objMap.set(obj, d);
  obj.order = check.objMap.size;
}

/** Reports arity mismatches between names and values of a const/var spec (types2 arity). */
export function arity(check: Checker, s: ast.ValueSpec, values: ast.Expr[], isConst: boolean, inherited: boolean): void {
  const l = s.names.length;
  const r = values.length;
  if (l < r) {
    const n = values[l];
    if (inherited) check.error(s.names[0], `extra init expr at ${check.posString(nodePos(n))}`);
    else check.error(n, `extra init expr ${check.e(n)}`);
  } else if (l > r && (isConst || r !== 1)) {
    const n = s.names[r];
    check.error(n, `missing init expr for ${n.name}`);
  }
}

function importPackage(check: Checker, at: ast.Node, path: string): Package | null {
  if (path === "unsafe") return Unsafe;
  if (path === "C" && check.conf.fakeImportC === true) {
    let p = check.impMap.get("C");
    if (p === undefined) {
      p = new Package("C", "C", new Scope(null, NoPos, NoPos, "package C"));
      p.fake = true;
      check.impMap.set("C", p);
    }
    return p;
  }
  const cached = check.impMap.get(path);
  if (cached !== undefined) return cached;
  const r = check.conf.importer.importPackage(path);
  let imp: Package;
  if (r instanceof Package) {
    imp = r;
  } else {
    check.error(at, `could not import ${path} (${r.error})`);
    let name = path;
    if (name.endsWith("/")) name = name.slice(0, -1);
    const i = name.lastIndexOf("/");
    if (i >= 0) name = name.slice(i + 1);
    imp = new Package(path, name, new Scope(null, NoPos, NoPos, `package ${name}`));
    imp.fake = true;
  }
  check.impMap.set(path, imp);
  return imp;
}

interface MethodInfo {
  obj: Func;
  ptr: boolean;
  recv: ast.Ident;
}

export function collectObjects(check: Checker): void {
  const pkg = check.pkg;
  const pkgImports = new Set<Package>(pkg.imports);
  const methods: MethodInfo[] = [];

  for (const file of check.files) {
    check.recordDef(file.name, null);
    const fname = check.fset.position(file.fileStart).filename;
    const fileScope = new Scope(pkg.scope, file.fileStart, file.fileEnd, `file ${fname}`);
    check.fileScopes.push(fileScope);
    check.recordScope(file, fileScope);

    for (const decl of file.decls) {
      if (decl.kind === "BadDecl") continue;
      if (decl.kind === "FuncDecl") {
        collectFunc(check, decl, fileScope, methods);
        continue;
      }
      switch (decl.tok) {
        case "import":
          for (const s of decl.specs) collectImport(check, s as ast.ImportSpec, fileScope, pkgImports);
          break;
        case "const": {
          let last: ast.ValueSpec | null = null;
          decl.specs.forEach((spec, iota) => {
            const s = spec as ast.ValueSpec;
            let inherited = true;
            if (s.type !== undefined || s.values.length > 0) {
              last = s;
              inherited = false;
            } else if (last === null) {
              inherited = false;
            }
            const src: ast.ValueSpec | null = last;
            const values = src !== null ? src.values : [];
            const vtyp = src !== null ? (src.type ?? null) : null;
            s.names.forEach((name, i) => {
              const obj = new Const(name.pos, pkg, name.name, null, makeInt64(BigInt(iota)));
              const init = i < values.length ? values[i] : null;
              const d = new DeclInfo(fileScope, null, vtyp, init, inherited, null, null);
              declarePkgObj(check, name, obj, d);
            });
            arity(check, s, values, true, inherited);
          });
          break;
        }
        case "var":
          for (const spec of decl.specs) {
            const s = spec as ast.ValueSpec;
            const lhs: Var[] = [];
            let d1: DeclInfo | null = null;
            if (s.values.length === 1 && s.names.length > 1) {
              d1 = new DeclInfo(fileScope, lhs, s.type ?? null, s.values[0], false, null, null);
            }
            s.names.forEach((name, i) => {
              const obj = new Var(name.pos, pkg, name.name, null);
              lhs.push(obj);
              let d = d1;
              if (d === null) {
                const init = i < s.values.length ? s.values[i] : null;
                d = new DeclInfo(fileScope, null, s.type ?? null, init, false, null, null);
              }
              declarePkgObj(check, name, obj, d);
            });
            if (s.type === undefined || s.values.length > 0) arity(check, s, s.values, false, false);
          }
          break;
        case "type":
          for (const spec of decl.specs) {
            const s = spec as ast.TypeSpec;
            if (s.typeParams !== undefined && s.typeParams.list.length > 0 && !check.allowVersion(1, 18)) {
              check.versionError(s.typeParams.list[0], "go1.18", "type parameter");
            }
            const obj = new TypeName(s.name.pos, pkg, s.name.name, null);
            declarePkgObj(check, s.name, obj, new DeclInfo(fileScope, null, null, null, false, s, null));
          }
          break;
      }
    }
  }

  // objects in file scopes must not clash with package-level objects
  for (const scope of check.fileScopes) {
    for (const [name, obj] of scope.elems) {
      const alt = pkg.scope.lookup(name);
      if (alt !== undefined) {
        if (obj instanceof PkgName) {
          check.error(alt.pos, `${alt.name} already declared through import of ${obj.imported}${altDecl(check, obj)}`);
        } else {
          check.error(alt.pos, `${alt.name} already declared through dot-import of ${obj.pkg}${altDecl(check, obj)}`);
        }
      }
    }
  }

  // associate methods with receiver base type names
  for (const m of methods) {
    const r = resolveBaseTypeName(check, m.ptr, m.recv);
    if (r !== null) {
      m.obj.hasPtrRecv = r.ptr;
      let list = check.methods.get(r.base);
      if (list === undefined) check.methods.set(r.base, (list = []));
      list.push(m.obj);
    }
  }
}

function collectImport(check: Checker, s: ast.ImportSpec, fileScope: Scope, pkgImports: Set<Package>): void {
  const pkg = check.pkg;
  const lit = s.path.value;
  const unq = unquote(lit);
  if (unq === null) {
    check.error(s.path, `invalid import path (${lit})`);
    return;
  }
  // unquote yields Go string bytes (one char per byte): decode them as UTF-8 (invalid → U+FFFD)
  const bytes = new Uint8Array(unq.length);
  for (let i = 0; i < unq.length; i++) bytes[i] = unq.charCodeAt(i) & 0xff;
  const path: string = new TextDecoder("utf-8").decode(bytes);
  if (path === "") {
    check.error(s.path, "invalid import path (empty string)");
    return;
  }
  for (const ch of path) {
    const cp = ch.codePointAt(0) as number;
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch) || `!"#$%&'()*,:;<=>?[\\]^{|}\`\uFFFD`.includes(ch)) {
      const hex = cp.toString(16).toUpperCase().padStart(4, "0");
      const quoted = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? ` '${ch}'` : "";
      check.error(s.path, `invalid import path (invalid character U+${hex}${quoted})`);
      return;
    }
  }
  const clean = cleanPath(path);
  // local paths ("./x", "../x") are joined to the source directory by the importer first
  if (clean !== path && !path.startsWith("./") && !path.startsWith("../")) {
    check.error(s.path, `could not import ${path} (non-canonical import path ${JSON.stringify(path)} (should be ${JSON.stringify(clean)}))`);
    return;
  }
  const imp = importPackage(check, s.path, path);
  if (imp === null) return;
  let name = imp.name;
  if (s.name !== undefined) {
    name = s.name.name;
    if (path === "C") {
      check.error(s.name, `cannot rename import "C"`);
      return;
    }
  }
  if (name === "init") {
    check.error(s, "cannot import package as init - init must be a func");
    return;
  }
  if (!pkgImports.has(imp) && imp !== Unsafe) {
    pkgImports.add(imp);
    pkg.imports.push(imp);
  } else if (imp === Unsafe && !pkgImports.has(imp)) {
    pkgImports.add(imp);
    pkg.imports.push(imp);
  }
  const pkgName = new PkgName(nodePos(s), pkg, name, imp);
  if (s.name !== undefined) check.recordDef(s.name, pkgName);
  else check.recordImplicit(s, pkgName);
  if (imp.fake) pkgName.used = true;
  check.imports.push(pkgName);
  if (name === ".") {
    let m = check.dotImportMap.get(fileScope);
    if (m === undefined) check.dotImportMap.set(fileScope, (m = new Map()));
    for (const [n, obj] of imp.scope.elems) {
      if (!isExported(n)) continue;
      const alt = fileScope.lookup(n);
      if (alt !== undefined) {
        check.error(s.name ?? s, `${alt.name} redeclared in this block${altDecl(check, alt)}`);
      } else {
        fileScope.elems.set(n, obj);
        m.set(n, pkgName);
      }
    }
  } else {
    declare(check, fileScope, null, pkgName, NoPos);
  }
}

function collectFunc(check: Checker, s: ast.FuncDecl, fileScope: Scope, methods: MethodInfo[]): void {
  const pkg = check.pkg;
  const name = s.name.name;
  const obj = new Func(s.name.pos, pkg, name, null);
  const tparams = s.type.typeParams;
  if (s.recv === undefined || s.recv.list.length === 0) {
    if (s.recv !== undefined) {
      // method with missing receiver: treat as function (parser normally reports)
    }
    if (name === "init" || (name === "main" && pkg.name === "main")) {
      if (tparams !== undefined && tparams.list.length > 0) {
        check.softError(tparams.list[0], `func ${name} must have no type parameters`);
      }
      const t = s.type;
      if (t.params.list.length > 0 || (t.results !== undefined && t.results.list.length > 0)) {
        check.softError(s.name, `func ${name} must have no arguments and no return values`);
      }
    }
    if (name === "init") {
      obj.parent = pkg.scope;
      check.recordDef(s.name, obj);
      if (s.body === undefined) check.softError(obj.pos, "missing function body");
    } else {
      declare(check, pkg.scope, s.name, obj, NoPos);
    }
  } else {
    const r = unpackRecv(s.recv.list[0].type);
    if (r.rname !== null && name !== "_") methods.push({ obj, ptr: r.ptr, recv: r.rname });
    check.recordDef(s.name, obj);
  }
  if (tparams !== undefined && tparams.list.length > 0 && !check.allowVersion(1, 18) && !(s.recv === undefined && (name === "init" || (name === "main" && pkg.name === "main")))) {
    check.versionError(tparams.list[0], "go1.18", "type parameter");
  }
  const d = new DeclInfo(fileScope, null, null, null, false, null, s);
  check.objMap.set(obj, d);
  obj.order = check.objMap.size;
}

/** Unpacks a receiver type expression: pointer-ness, base name, type parameter names. */
export function unpackRecv(rtyp: ast.Expr): { ptr: boolean; rname: ast.Ident | null; tparams: ast.Expr[] } {
  let ptr = false;
  for (;;) {
    if (rtyp.kind === "ParenExpr") rtyp = rtyp.x;
    else if (rtyp.kind === "StarExpr") {
      ptr = true;
      rtyp = rtyp.x;
    } else break;
  }
  let tparams: ast.Expr[] = [];
  if (rtyp.kind === "IndexExpr") {
    tparams = [rtyp.index];
    rtyp = rtyp.x;
  } else if (rtyp.kind === "IndexListExpr") {
    tparams = rtyp.indices;
    rtyp = rtyp.x;
  }
  return { ptr, rname: rtyp.kind === "Ident" ? rtyp : null, tparams };
}

function resolveBaseTypeName(check: Checker, seenPtr: boolean, typ: ast.Expr): { ptr: boolean; base: TypeName } | null {
  let ptr = seenPtr;
  const seen = new Set<TypeName>();
  for (;;) {
    typ = unparen(typ);
    if (typ.kind === "StarExpr") {
      if (ptr) return null;
      ptr = true;
      typ = unparen(typ.x);
    }
    if (typ.kind !== "Ident") return null;
    const obj = check.pkg.scope.lookup(typ.name);
    if (!(obj instanceof TypeName)) return null;
    if (seen.has(obj)) return null;
    const d = check.objMap.get(obj);
    if (d === undefined || d.tdecl === null) return null;
    if (d.tdecl.assign === NoPos) return { ptr, base: obj };
    typ = d.tdecl.type;
    seen.add(obj);
  }
}

export function unusedImports(check: Checker): void {
  if (check.conf.ignoreFuncBodies === true) return;
  for (const obj of check.imports) {
    if (obj.used || obj.name === "_") continue;
    const path = obj.imported.path;
    let elem = path;
    const i = elem.lastIndexOf("/");
    if (i >= 0) elem = elem.slice(i + 1);
    if (obj.name === "" || obj.name === "." || obj.name === elem) {
      check.softError(obj.pos, `imported and not used: ${JSON.stringify(path)}`);
    } else {
      check.softError(obj.pos, `imported and not used: ${JSON.stringify(path)} as ${obj.name}`);
    }
  }
}

export { nodeEnd };

/** Lexical path cleaning as Go's path.Clean. */
function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const r = (rooted ? "/" : "") + out.join("/");
  return r === "" ? "." : r;
}
