import { nodePos } from "../syntax/ast.js";
import { exprString } from "../syntax/printer.js";
import { NoPos } from "../syntax/position.js";
import { TypeAndValue, Selection } from "./info.js";
import { Const, Func, Package, PkgName, TypeName, Var } from "./object.js";
import { Operand, operandString } from "./operand.js";
import { Scope } from "./scope.js";
import { Basic, Tuple, Typ } from "./type.js";
import { typeString } from "./typestring.js";
import { Context } from "./instantiate.js";
import { objDecl as objDeclFn } from "./decl.js";
import { Universe } from "./universe.js";
/** Declaration info for a package-level object (types2 declInfo). */
export class DeclInfo {
    file;
    lhs;
    vtyp;
    init;
    inherited;
    tdecl;
    fdecl;
    /** objects this declaration depends on (package-level only), for init order. */
    deps = new Set();
    constructor(
    /** file scope of the declaration */
    file, 
    /** lhs of n:1 variable declarations, or null */
    lhs, 
    /** type expression, or null */
    vtyp, 
    /** init expression, or null */
    init, 
    /** init expression inherited from a previous constant declaration */
    inherited, tdecl, fdecl) {
        this.file = file;
        this.lhs = lhs;
        this.vtyp = vtyp;
        this.init = init;
        this.inherited = inherited;
        this.tdecl = tdecl;
        this.fdecl = fdecl;
    }
    hasInitializer() {
        return this.init !== null || (this.fdecl !== null && this.fdecl.body !== undefined);
    }
    addDep(obj) {
        this.deps.add(obj);
    }
}
/** The environment within which an object or body is checked (types2 environment). */
export class Environment {
    decl = null;
    scope = Universe;
    pos = NoPos;
    iota = null;
    errpos = NoPos;
    inTParamList = false;
    sig = null;
    isPanic = null;
    hasLabel = false;
    hasCallOrRecv = false;
    copy() {
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
export function parseGoVersion(s) {
    if (s === undefined || s === "")
        return { major: 1, minor: 22 };
    const m = /^go(\d+)\.(\d+)/.exec(s);
    if (m === null)
        return { major: 1, minor: 22 };
    return { major: Number(m[1]), minor: Number(m[2]) };
}
export class Checker {
    conf;
    fset;
    pkg;
    info;
    version;
    /** package-level objects and methods → declaration info */
    objMap = new Map();
    /** import path → package (complete or fake) */
    impMap = new Map();
    files = [];
    /** file scopes, parallel to files */
    fileScopes = [];
    imports = [];
    /** dot-imported objects (per file scope) → the PkgName they came through */
    dotImportMap = new Map();
    /** type names (package-level) → associated methods not yet attached */
    methods = new Map();
    /** untyped expressions whose type is decided later */
    untyped = new Map();
    /** delayed actions (function bodies etc.), processed FIFO */
    delayed = [];
    /** object path for cycle detection (grey objects) */
    objPath = [];
    /** aliases whose type is not yet determined */
    brokenAliases = new Set();
    /** receiver type parameter names in blank positions */
    recvTParamMap = new Map();
    errors = [];
    firstErr = null;
    env = new Environment();
    /** qualifier cache: package name → set of paths seen (for disambiguation) */
    pkgPathMap = null;
    constructor(conf, pkg, info) {
        this.conf = conf;
        this.fset = conf.fset;
        this.pkg = pkg;
        this.info = info;
        this.version = parseGoVersion(conf.goVersion);
    }
    allowVersion(major, minor) {
        const v = this.version;
        return v.major > major || (v.major === major && v.minor >= minor);
    }
    // ---- errors -------------------------------------------------------------
    /** Qualifier for type strings: other packages by name (or quoted path if names clash). */
    qualifier = (p) => {
        if (p === this.pkg)
            return "";
        if (this.pkgPathMap === null) {
            this.pkgPathMap = new Map();
            const seen = new Set();
            const mark = (q) => {
                if (seen.has(q))
                    return;
                seen.add(q);
                let s = this.pkgPathMap.get(q.name);
                if (s === undefined)
                    this.pkgPathMap.set(q.name, (s = new Set()));
                s.add(q.path);
                for (const i of q.imports)
                    mark(i);
            };
            mark(this.pkg);
        }
        const paths = this.pkgPathMap.get(p.name);
        if (paths !== undefined && paths.size > 1)
            return JSON.stringify(p.path);
        return p.name;
    };
    /** Type string qualified relative to the package being checked. */
    t(t) {
        if (t === null)
            return "<nil>";
        return typeString(t, this.qualifier);
    }
    /** Operand string for messages. */
    o(x) {
        return operandString(x, this.qualifier);
    }
    /** Expression string for messages. */
    e(x) {
        return exprString(x);
    }
    /** Reports an error at pos (a position, node or operand; reported at the node's start). */
    error(at, msg, soft = false) {
        if (this.firstErr !== null &&
            (msg.indexOf("invalid operand") > 0 || msg.indexOf("invalid type") > 0))
            return;
        let pos;
        if (typeof at === "number")
            pos = at;
        else if (at instanceof Operand)
            pos = at.expr !== null ? nodePos(at.expr) : NoPos;
        else
            pos = nodePos(at);
        if (this.env.errpos !== NoPos)
            pos = this.env.errpos;
        const d = soft ? { pos, msg, soft: true } : { pos, msg };
        if (this.firstErr === null)
            this.firstErr = d;
        this.errors.push(d);
    }
    softError(at, msg) {
        this.error(at, msg, true);
    }
    versionError(at, goVersion, what) {
        this.error(at, `${what} requires ${goVersion} or later (-lang was set to ${this.conf.goVersion ?? ""}; check go.mod)`, true);
    }
    // ---- AlgebraEnv (see typeset.ts) ----------------------------------------
    get qf() {
        return this.qualifier;
    }
    report(parts, soft) {
        if (parts.length === 0)
            return;
        let msg = parts[0].msg;
        for (let i = 1; i < parts.length; i++) {
            const p = parts[i];
            msg += p.pos !== NoPos ? `\n\t${this.posString(p.pos)}: ${p.msg}` : `\n\t${p.msg}`;
        }
        this.error(parts[0].pos, msg, soft);
    }
    objDecl(obj) {
        if (obj.type === null && this.objMap.has(obj))
            objDeclFn(this, obj, null);
    }
    ctxt = null;
    context() {
        if (this.ctxt === null)
            this.ctxt = new Context();
        return this.ctxt;
    }
    posString(pos) {
        const p = this.fset.position(pos);
        return `${p.filename}:${p.line}:${p.column}`;
    }
    // ---- bookkeeping ------------------------------------------------------
    later(f) {
        this.delayed.push(f);
    }
    processDelayed(top) {
        for (let i = top; i < this.delayed.length; i++)
            this.delayed[i]();
        this.delayed.length = top;
    }
    push(obj) {
        this.objPath.push(obj);
        return this.objPath.length - 1;
    }
    pop() {
        return this.objPath.pop();
    }
    /** Adds a dependency edge from the current package-level declaration to `to`. */
    addDeclDep(to) {
        const from = this.env.decl;
        if (from === null)
            return;
        if (!this.objMap.has(to))
            return;
        from.addDep(to);
    }
    lookup(name) {
        const r = this.env.scope.lookupParent(name, this.env.pos);
        return r === undefined ? undefined : r[1];
    }
    // ---- recording --------------------------------------------------------
    rememberUntyped(e, lhs, mode, type, val) {
        this.untyped.set(e, { isLhs: lhs, mode, type, val });
    }
    record(x) {
        let type = null;
        let val = null;
        switch (x.mode) {
            case 0 /* Mode.Invalid */:
                type = Typ[0 /* BasicKind.Invalid */];
                break;
            case 1 /* Mode.NoValue */:
                type = null;
                break;
            case 4 /* Mode.Constant */:
                type = x.type;
                val = x.val;
                break;
            default:
                type = x.type;
        }
        const e = x.expr;
        if (e === null)
            return;
        if (type !== null && type instanceof Basic && type.info & 64 /* IsUntyped */) {
            this.rememberUntyped(e, false, x.mode, type, val);
        }
        else {
            this.recordTypeAndValue(e, x.mode, type ?? new Tuple([]), val);
        }
    }
    recordUntyped() {
        if (this.info === null)
            return;
        for (const [e, info] of this.untyped) {
            this.recordTypeAndValue(e, info.mode, info.type, info.val);
        }
    }
    recordTypeAndValue(e, mode, type, val) {
        if (mode === 0 /* Mode.Invalid */)
            return;
        const info = this.info;
        if (info === null)
            return;
        info.types.set(e, new TypeAndValue(mode, type, mode === 4 /* Mode.Constant */ ? val : null));
    }
    /** Updates the recorded types of a comma-ok expression (and its parentheses) to (T, bool/error). */
    recordCommaOkTypes(e, a) {
        const info = this.info;
        if (info === null)
            return;
        for (;;) {
            const tv = info.types.get(e);
            if (tv === undefined)
                return;
            const v0 = new Var(nodePos(e), null, "", a[0]);
            const v1 = new Var(nodePos(e), null, "", a[1]);
            tv.type = new Tuple([v0, v1]);
            if (e.kind !== "ParenExpr")
                return;
            e = e.x;
        }
    }
    recordBuiltinType(f, sig) {
        for (;;) {
            this.recordTypeAndValue(f, 2 /* Mode.Builtin */, sig, null);
            if (f.kind !== "ParenExpr")
                return;
            f = f.x;
        }
    }
    recordInstance(e, targs, type) {
        const info = this.info;
        if (info === null)
            return;
        const id = instantiatedIdent(e);
        if (id !== null)
            info.instances.set(id, { typeArgs: targs, type });
    }
    recordDef(id, obj) {
        if (this.info !== null)
            this.info.defs.set(id, obj);
    }
    recordUse(id, obj) {
        if (this.info !== null)
            this.info.uses.set(id, obj);
    }
    recordImplicit(node, obj) {
        if (this.info !== null)
            this.info.implicits.set(node, obj);
    }
    recordSelection(x, kind, recv, obj, index, indirect, type) {
        this.recordUse(x.sel, obj);
        if (this.info !== null)
            this.info.selections.set(x, new Selection(kind, recv, obj, index, indirect, type));
    }
    recordScope(node, scope) {
        if (this.info !== null)
            this.info.scopes.set(node, scope);
    }
}
/** The identifier denoting the generic function/type in an instantiation expression. */
function instantiatedIdent(e) {
    let x = e;
    if (x.kind === "IndexExpr" || x.kind === "IndexListExpr")
        x = x.x;
    if (x.kind === "SelectorExpr")
        return x.sel;
    if (x.kind === "Ident")
        return x;
    return null;
}
export { Const, Func, Package, PkgName, TypeName, Var };
// ---- entry point ------------------------------------------------------------
import { collectObjects, unusedImports } from "./resolver.js";
import { packageObjects } from "./decl.js";
import { initOrder } from "./initorder.js";
import { setExpansionEnv } from "./instantiate.js";
/**
 * Type-checks the files of one package. `path` is the import path. Returns
 * the package (complete even with errors) and all diagnostics, unsorted
 * and uncut (the CLI sorts and limits them).
 */
export function checkFiles(config, path, files, info) {
    let name = "";
    for (const f of files) {
        if (name === "")
            name = f.name.name;
    }
    const pkg = new Package(path, name, new Scope(Universe, NoPos, NoPos, `package ${path}`));
    pkg.goVersion = config.goVersion ?? "";
    const check = new Checker(config, pkg, info ?? null);
    check.files = [];
    if (name === "_" && files.length > 0)
        check.error(files[0].name, "invalid package name _");
    for (const f of files) {
        if (f.name.name !== name) {
            check.error(f.name, `package ${f.name.name}; expected package ${name}`);
            continue;
        }
        check.files.push(f);
    }
    setExpansionEnv(check);
    try {
        collectObjects(check);
        packageObjects(check);
        check.processDelayed(0);
        initOrder(check);
        unusedImports(check);
        check.recordUntyped();
    }
    finally {
        setExpansionEnv(null);
    }
    pkg.complete = true;
    return { pkg, errors: check.errors };
}
