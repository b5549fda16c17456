/**
 * The type checker's state and entry point (types2's check.go).
 *
 * Phases of `checkFiles` (as in types2):
 *   1. collectObjects (resolver.ts): package-level objects into scopes, imports.
 *   2. packageObjects (decl.ts): type-check every package-level object, types first,
 *      lazily following dependencies (objDecl) with cycle detection by colors.
 *   3. processDelayed: function bodies and other work queued with `later`.
 *   4. initOrder (initorder.ts), unusedImports, recordUntyped.
 *
 * The checker never throws for bad programs: errors are collected as
 * Diagnostics. Follow-on errors mentioning "invalid operand"/"invalid type"
 * are suppressed once an error was reported (types2 does the same).
 */
import type { Value } from "../constant/index.js";
import type { Diagnostic } from "../diag.js";
import type * as ast from "../syntax/ast.js";
import { nodePos } from "../syntax/ast.js";
import { exprString } from "../syntax/printer.js";
import { NoPos, type FileSet, type Pos } from "../syntax/position.js";
import { Info, TypeAndValue, Selection, type SelectionKind } from "./info.js";
import { Const, Func, GoObject, type Object, Package, PkgName, TypeName, Var } from "./object.js";
import { Mode, Operand, operandString } from "./operand.js";
import { Scope } from "./scope.js";
import { Basic, BasicKind, Signature, type Type, Tuple, Typ, TypeParam } from "./type.js";
import { typeString, type Qualifier } from "./typestring.js";
import type { ErrorPart } from "./typeset.js";
import { Context } from "./instantiate.js";
import { objDecl as objDeclFn } from "./decl.js";
import { Universe } from "./universe.js";

export interface Importer {
  /** A fully checked dependency, or why it could not be provided. */
  importPackage(path: string): Package | { error: string };
}

export interface Config {
  fset: FileSet;
  importer: Importer;
  /** "go1.19", "go1.22"...; "" = newest gort implements. */
  goVersion?: string;
  /** stop after N errors (0 = unlimited). */
  errorLimit?: number;
  fakeImportC?: boolean;
  ignoreFuncBodies?: boolean;
  /**
   * The package has no non-Go (assembly) files (gc's -complete): a function declared
   * without a body is an error ("missing function body") unless it is //go:linkname'd.
   */
  complete?: boolean;
  /**
   * Non-fatal errors the parser reported for these files (those not starting with
   * "syntax error"). gc checks labels and branches while parsing and skips that check in
   * function bodies containing a parser error; passing them here reproduces that.
   */
  parseErrors?: readonly Diagnostic[];
}

/** Declaration info for a package-level object (types2 declInfo). */
export class DeclInfo {
  /** objects this declaration depends on (package-level only), for init order. */
  deps = new Set<Object>();
  constructor(
    /** file scope of the declaration */
    public file: Scope,
    /** lhs of n:1 variable declarations, or null */
    public lhs: Var[] | null,
    /** type expression, or null */
    public vtyp: ast.Expr | null,
    /** init expression, or null */
    public init: ast.Expr | null,
    /** init expression inherited from a previous constant declaration */
    public inherited: boolean,
    public tdecl: ast.TypeSpec | null,
    public fdecl: ast.FuncDecl | null,
  ) {}
  hasInitializer(): boolean {
    return this.init !== null || (this.fdecl !== null && this.fdecl.body !== undefined);
  }
  addDep(obj: Object): void {
    this.deps.add(obj);
  }
}

/** Information about an untyped expression whose final type is not yet known. */
export interface ExprInfo {
  isLhs: boolean;
  mode: Mode;
  type: Basic;
  val: Value | null;
}

/** The environment within which an object or body is checked (types2 environment). */
export class Environment {
  decl: DeclInfo | null = null;
  scope: Scope = Universe;
  pos: Pos = NoPos;
  iota: Value | null = null;
  errpos: Pos = NoPos;
  inTParamList = false;
  sig: Signature | null = null;
  isPanic: Set<ast.CallExpr> | null = null;
  hasLabel = false;
  hasCallOrRecv = false;
  copy(): Environment {
    const e = new Environment();
    e.decl = this.decl;
    e.scope = this.scope;
    e.pos = this.pos;
    e.iota = this.iota;
    e.errpos = this.errpos;
    e.inTParamList = this.inTParamList;
    e.sig = this.sig;
    e.isPanic = this.isPanic;
    e.hasLabel = this.hasLabel;
    e.hasCallOrRecv = this.hasCallOrRecv;
    return e;
  }
}

/** Parsed go version (major 1, minor N). */
export interface GoVersion {
  major: number;
  minor: number;
}

export function parseGoVersion(s: string | undefined): GoVersion {
  if (s === undefined || s === "") return { major: 1, minor: 22 };
  const m = /^go(\d+)\.(\d+)/.exec(s);
  if (m === null) return { major: 1, minor: 22 };
  return { major: Number(m[1]), minor: Number(m[2]) };
}

export class Checker {
  readonly conf: Config;
  readonly fset: FileSet;
  readonly pkg: Package;
  readonly info: Info | null;
  readonly version: GoVersion;

  /** package-level objects and methods → declaration info */
  objMap = new Map<Object, DeclInfo>();
  /** import path → package (complete or fake) */
  impMap = new Map<string, Package>();

  files: ast.File[] = [];
  /** file scopes, parallel to files */
  fileScopes: Scope[] = [];
  imports: PkgName[] = [];
  /** dot-imported objects (per file scope) → the PkgName they came through */
  dotImportMap = new Map<Scope, Map<string, PkgName>>();
  /** type names (package-level) → associated methods not yet attached */
  methods = new Map<TypeName, Func[]>();
  /** untyped expressions whose type is decided later */
  untyped = new Map<ast.Expr, ExprInfo>();
  /** delayed actions (function bodies etc.), processed FIFO */
  delayed: (() => void)[] = [];
  /** object path for cycle detection (grey objects) */
  objPath: GoObject[] = [];
  /** aliases whose type is not yet determined */
  brokenAliases = new Set<TypeName>();
  /** receiver type parameter names in blank positions */
  recvTParamMap = new Map<ast.Ident, TypeParam>();

  errors: Diagnostic[] = [];
  private lastErrLine = -1;
  private lastErrMsg = "";
  /** instantiation graph for the monomorphization (instantiation cycle) check */
  readonly mono = new MonoGraph();
  /** errors gc's noder reports after a successful type check (emitted only if there are no others) */
  noderErrors: Diagnostic[] = [];
  firstErr: Diagnostic | null = null;

  env = new Environment();

  /** qualifier cache: package name → set of paths seen (for disambiguation) */
  private pkgPathMap: Map<string, Set<string>> | null = null;

  constructor(conf: Config, pkg: Package, info: Info | null) {
    this.conf = conf;
    this.fset = conf.fset;
    this.pkg = pkg;
    this.info = info;
    this.version = parseGoVersion(conf.goVersion);
  }

  allowVersion(major: number, minor: number): boolean {
    const v = this.version;
    return v.major > major || (v.major === major && v.minor >= minor);
  }

  // ---- errors -------------------------------------------------------------

  /** Qualifier for type strings: other packages by name (or quoted path if names clash). */
  readonly qualifier = (p: Package): string => {
    if (p === this.pkg) return "";
    if (this.pkgPathMap === null) {
      this.pkgPathMap = new Map();
      const seen = new Set<Package>();
      const mark = (q: Package): void => {
        if (seen.has(q)) return;
        seen.add(q);
        let s = this.pkgPathMap!.get(q.name);
        if (s === undefined) this.pkgPathMap!.set(q.name, (s = new Set()));
        s.add(q.path);
        for (const i of q.imports) mark(i);
      };
      mark(this.pkg);
    }
    const paths = this.pkgPathMap.get(p.name);
    if (paths !== undefined && paths.size > 1) return JSON.stringify(p.path);
    return p.name;
  };

  /** Type string qualified relative to the package being checked. */
  t(t: Type | null): string {
    if (t === null) return "<nil>";
    return typeString(t, this.qualifier);
  }
  /** Operand string for messages. */
  o(x: Operand): string {
    return operandString(x, this.qualifier);
  }
  /** Expression string for messages. */
  e(x: ast.Expr): string {
    return exprString(x);
  }

  /** Reports an error at pos (a position, node or operand; reported at the node's start). */
  error(at: Pos | ast.Node | Operand, msg: string, soft = false): void {
    if (
      this.firstErr !== null &&
      (msg.indexOf("invalid operand") > 0 || msg.indexOf("invalid type") > 0)
    )
      return;
    let pos: Pos;
    if (typeof at === "number") pos = at;
    else if (at instanceof Operand) pos = at.expr !== null ? startPos(at.expr) : NoPos;
    else pos = startPos(at);
    if (this.env.errpos !== NoPos) pos = this.env.errpos;
    // gc drops an error that repeats the previous error's message on the same line
    const line = this.fset.position(pos).line;
    if (line === this.lastErrLine && msg === this.lastErrMsg && pos !== NoPos) return;
    this.lastErrLine = line;
    this.lastErrMsg = msg;
    const d: Diagnostic = soft ? { pos, msg, soft: true } : { pos, msg };
    if (this.firstErr === null) this.firstErr = d;
    this.errors.push(d);
    const limit = this.conf.errorLimit ?? 0;
    if (limit > 0 && this.errors.length >= limit) throw new Bailout();
  }
  softError(at: Pos | ast.Node | Operand, msg: string): void {
    this.error(at, msg, true);
  }
  versionError(at: Pos | ast.Node | Operand, goVersion: string, what: string): void {
    this.error(
      at,
      `${what} requires ${goVersion} or later (-lang was set to ${this.conf.goVersion ?? ""}; check go.mod)`,
      true,
    );
  }

  // ---- AlgebraEnv (see typeset.ts) ----------------------------------------

  get qf(): Qualifier {
    return this.qualifier;
  }
  report(parts: ErrorPart[], soft: boolean): void {
    if (parts.length === 0) return;
    let msg = parts[0].msg;
    for (let i = 1; i < parts.length; i++) {
      const p = parts[i];
      msg += p.pos !== NoPos ? `\n\t${this.posString(p.pos)}: ${p.msg}` : `\n\t${p.msg}`;
    }
    this.error(parts[0].pos, msg, soft);
  }
  objDecl(obj: Func): void {
    if (obj.type === null && this.objMap.has(obj)) objDeclFn(this, obj, null);
  }
  private ctxt: Context | null = null;
  context(): Context {
    if (this.ctxt === null) this.ctxt = new Context();
    return this.ctxt;
  }
  posString(pos: Pos): string {
    const p = this.fset.position(pos);
    return `${p.filename}:${p.line}:${p.column}`;
  }

  // ---- bookkeeping ------------------------------------------------------

  later(f: () => void): void {
    this.delayed.push(f);
  }

  processDelayed(top: number): void {
    for (let i = top; i < this.delayed.length; i++) this.delayed[i]();
    this.delayed.length = top;
  }

  push(obj: GoObject): number {
    this.objPath.push(obj);
    return this.objPath.length - 1;
  }
  pop(): GoObject {
    return this.objPath.pop() as GoObject;
  }

  /** Adds a dependency edge from the current package-level declaration to `to`. */
  addDeclDep(to: Object): void {
    const from = this.env.decl;
    if (from === null) return;
    if (!this.objMap.has(to)) return;
    from.addDep(to);
  }

  lookup(name: string): Object | undefined {
    const r = this.env.scope.lookupParent(name, this.env.pos);
    return r === undefined ? undefined : r[1];
  }

  // ---- recording --------------------------------------------------------

  rememberUntyped(e: ast.Expr, lhs: boolean, mode: Mode, type: Basic, val: Value | null): void {
    this.untyped.set(e, { isLhs: lhs, mode, type, val });
  }

  record(x: Operand): void {
    let type: Type | null = null;
    let val: Value | null = null;
    switch (x.mode) {
      case Mode.Invalid:
        type = Typ[BasicKind.Invalid];
        break;
      case Mode.NoValue:
        type = null;
        break;
      case Mode.Constant:
        type = x.type;
        val = x.val;
        break;
      default:
        type = x.type;
    }
    const e = x.expr;
    if (e === null) return;
    if (type !== null && type instanceof Basic && type.info & 64 /* IsUntyped */) {
      this.rememberUntyped(e, false, x.mode, type, val);
    } else {
      this.recordTypeAndValue(e, x.mode, type ?? new Tuple([]), val);
    }
  }

  recordUntyped(): void {
    if (this.info === null) return;
    for (const [e, info] of this.untyped) {
      this.recordTypeAndValue(e, info.mode, info.type, info.val);
    }
  }

  recordTypeAndValue(e: ast.Expr, mode: Mode, type: Type, val: Value | null): void {
    if (mode === Mode.Invalid) return;
    const info = this.info;
    if (info === null) return;
    info.types.set(e, new TypeAndValue(mode, type, mode === Mode.Constant ? val : null));
  }

  /** Updates the recorded types of a comma-ok expression (and its parentheses) to (T, bool/error). */
  recordCommaOkTypes(e: ast.Expr, a: [Type, Type]): void {
    const info = this.info;
    if (info === null) return;
    for (;;) {
      const tv = info.types.get(e);
      if (tv === undefined) return;
      const v0 = new Var(nodePos(e), null, "", a[0]);
      const v1 = new Var(nodePos(e), null, "", a[1]);
      tv.type = new Tuple([v0, v1]);
      if (e.kind !== "ParenExpr") return;
      e = e.x;
    }
  }

  recordBuiltinType(f: ast.Expr, sig: Signature): void {
    for (;;) {
      this.recordTypeAndValue(f, Mode.Builtin, sig, null);
      if (f.kind !== "ParenExpr") return;
      f = f.x;
    }
  }

  recordInstance(e: ast.Expr, targs: Type[], type: Type): void {
    const info = this.info;
    if (info === null) return;
    const id = instantiatedIdent(e);
    if (id !== null) info.instances.set(id, { typeArgs: targs, type });
  }

  recordDef(id: ast.Ident, obj: Object | null): void {
    if (this.info !== null) this.info.defs.set(id, obj);
  }
  recordUse(id: ast.Ident, obj: Object): void {
    if (this.info !== null) this.info.uses.set(id, obj);
  }
  recordImplicit(node: ast.Node, obj: Object): void {
    if (this.info !== null) this.info.implicits.set(node, obj);
  }
  recordSelection(
    x: ast.SelectorExpr,
    kind: SelectionKind,
    recv: Type,
    obj: Var | Func,
    index: number[],
    indirect: boolean,
    type: Type,
  ): void {
    this.recordUse(x.sel, obj);
    if (this.info !== null) this.info.selections.set(x, new Selection(kind, recv, obj, index, indirect, type));
  }
  recordScope(node: ast.Node, scope: Scope): void {
    if (this.info !== null) this.info.scopes.set(node, scope);
  }
}

/** The identifier denoting the generic function/type in an instantiation expression. */
function instantiatedIdent(e: ast.Expr): ast.Ident | null {
  let x: ast.Expr = e;
  if (x.kind === "IndexExpr" || x.kind === "IndexListExpr") x = x.x;
  if (x.kind === "SelectorExpr") return x.sel;
  if (x.kind === "Ident") return x;
  return null;
}

export { Const, Func, Package, PkgName, TypeName, Var };

// ---- entry point ------------------------------------------------------------

import { collectObjects, unusedImports } from "./resolver.js";
import { packageObjects } from "./decl.js";
import { initOrder } from "./initorder.js";
import { setExpansionEnv } from "./instantiate.js";
import { MonoGraph } from "./mono.js";

/**
 * Type-checks the files of one package. `path` is the import path. Returns
 * the package (complete even with errors) and all diagnostics, unsorted
 * and uncut (the CLI sorts and limits them).
 */
export function checkFiles(
  config: Config,
  path: string,
  files: ast.File[],
  info?: Info,
): { pkg: Package; errors: Diagnostic[] } {
  let name = "";
  for (const f of files) {
    if (name === "") name = f.name.name;
  }
  const pkg = new Package(path, name, new Scope(Universe, NoPos, NoPos, `package ${path}`));
  pkg.goVersion = config.goVersion ?? "";
  const check = new Checker(config, pkg, info ?? null);
  check.files = [];
  setExpansionEnv(check);
  try {
    if (name === "_" && files.length > 0) check.error(files[0].name, "invalid package name _");
    for (const f of files) {
      if (f.name.name !== name) {
        check.error(f.name, `package ${f.name.name}; expected package ${name}`);
        continue;
      }
      check.files.push(f);
    }
    checkPackage(check);
  } catch (e) {
    // errorLimit reached: stop where gc stops ("too many errors" is the CLI's to print)
    if (!(e instanceof Bailout)) throw e;
  } finally {
    setExpansionEnv(null);
  }
  pkg.complete = true;
  return { pkg, errors: check.errors };
}

/** Thrown when Config.errorLimit errors have been reported. */
class Bailout extends Error {
  constructor() {
    super("too many errors");
  }
}

function checkPackage(check: Checker): void {
  collectObjects(check);
  packageObjects(check);
  check.processDelayed(0);
  initOrder(check);
  unusedImports(check);
  check.recordUntyped();
  if (check.firstErr === null) check.mono.check(check);
  if (check.errors.length === 0) for (const e of check.noderErrors) check.error(e.pos, e.msg);
}

/**
 * The position gc reports for an error at node n: the syntax package's StartPos. It equals the
 * go/ast start except for nodes whose gc position is a token inside them (key:value → the
 * colon, x[i:j] → "[", an expression statement → its expression's own position, which is the
 * "(" of a call).
 */
export function startPos(n: ast.Node): Pos {
  for (;;) {
    switch (n.kind) {
      case "CompositeLit":
        if (n.type === undefined) return n.lbrace;
        n = n.type;
        continue;
      case "SelectorExpr":
      case "IndexExpr":
      case "IndexListExpr":
      case "TypeAssertExpr":
        n = n.x;
        continue;
      case "CallExpr":
        n = n.fun;
        continue;
      case "BinaryExpr":
        n = n.x;
        continue;
      case "KeyValueExpr":
        return n.colon;
      case "SliceExpr":
        return n.lbrack;
      case "FuncType":
        // a func type's gc position is its parameter list
        return n.params.opening !== 0 ? n.params.opening : nodePos(n);
      case "ExprStmt":
        return n.x.kind === "CallExpr" ? n.x.lparen : startPos(n.x);
      case "AssignStmt":
        if (n.lhs.length === 0) return n.tokPos;
        n = n.lhs[0];
        continue;
      case "SendStmt":
        n = n.chan;
        continue;
      default:
        return nodePos(n);
    }
  }
}
