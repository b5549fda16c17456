import { NoPos } from "../syntax/position.js";
import { Signature, Named, Pointer, Typ } from "./type.js";
let nextObjectId = 1;
export class GoObject {
    constructor(pos, pkg, name, type) {
        this.pos = pos;
        this.pkg = pkg;
        this.name = name;
        this.type = type;
        this.oid = nextObjectId++;
        this.parent = null;
        this.order = 0;
        this.color = 0 /* Color.White */;
        this.scopePos = NoPos;
    }
    exported() {
        return isExported(this.name);
    }
    /** The object's identity for lookups (package-qualified for unexported names). */
    id() {
        return objectId(this.pkg, this.name);
    }
    sameId(pkg, name) {
        if (name !== this.name)
            return false;
        if (this.exported())
            return true;
        // unexported names must be from the same package
        const p1 = this.pkg === null ? "" : this.pkg.path;
        const p2 = pkg === null ? "" : pkg.path;
        return p1 === p2;
    }
    /** Type or invalid (for code that runs after errors). */
    typ() {
        return this.type ?? Typ[0 /* BasicKind.Invalid */];
    }
}
/** An imported package name (import "fmt" introduces PkgName fmt in the file scope). */
export class PkgName extends GoObject {
    imported;
    used = false;
    constructor(pos, pkg, name, imported) {
        super(pos, pkg, name, Typ[0 /* BasicKind.Invalid */]);
        this.imported = imported;
    }
}
/** A declared constant. */
export class Const extends GoObject {
    val;
    constructor(pos, pkg, name, type, val) {
        super(pos, pkg, name, type);
        this.val = val;
    }
}
/** A type name (declared type, alias, type parameter, or predeclared type). */
export class TypeName extends GoObject {
    /** true if declared as an alias (type A = B) */
    alias = false;
    constructor(pos, pkg, name, type) {
        super(pos, pkg, name, type);
    }
    /** true for `type A = B` and the predeclared aliases byte and rune. */
    isAlias() {
        return this.alias;
    }
}
/** A variable: package-level or local variable, parameter, result, or struct field. */
export class Var extends GoObject {
    constructor(pos, pkg, name, type) {
        super(pos, pkg, name, type);
        this.embedded = false;
        this.isField = false;
        this.isParam = false;
        this.used = false;
        this.origin = null;
    }
    static newField(pos, pkg, name, type, embedded) {
        const v = new Var(pos, pkg, name, type);
        v.isField = true;
        v.embedded = embedded;
        return v;
    }
    static newParam(pos, pkg, name, type) {
        const v = new Var(pos, pkg, name, type);
        v.isParam = true;
        v.used = true; // parameters are never reported as unused
        return v;
    }
    getOrigin() {
        return this.origin ?? this;
    }
}
/** A function or method (type is a *Signature, or null while unchecked). */
export class Func extends GoObject {
    /** method with a pointer receiver (set for interface-less lookups before the signature is checked). */
    hasPtrRecv = false;
    /** for instantiated methods: the generic origin. */
    origin = null;
    constructor(pos, pkg, name, sig) {
        super(pos, pkg, name, sig);
    }
    signature() {
        return this.type;
    }
    /** The full name as printed in messages: pkg.Name, (T).Name or (*T).Name. */
    fullName(qualify) {
        const q = qualify ?? ((p) => p.name);
        const sig = this.type;
        if (sig instanceof Signature && sig.recv !== null) {
            let t = sig.recv.typ();
            let ptr = false;
            if (t instanceof Pointer) {
                t = t.base;
                ptr = true;
            }
            let tn = String(t);
            if (t instanceof Named)
                tn = (t.obj.pkg !== null ? q(t.obj.pkg) + "." : "") + t.obj.name;
            return ptr ? `(*${tn}).${this.name}` : `(${tn}).${this.name}`;
        }
        return this.pkg !== null ? `${q(this.pkg)}.${this.name}` : this.name;
    }
    getOrigin() {
        return this.origin ?? this;
    }
    /** true if this is a method (has or will have a receiver). */
    isMethod() {
        const sig = this.type;
        return sig instanceof Signature && sig.recv !== null;
    }
}
/** A statement label. */
export class Label extends GoObject {
    used = false;
    constructor(pos, pkg, name) {
        super(pos, pkg, name, Typ[0 /* BasicKind.Invalid */]);
    }
}
export class Builtin extends GoObject {
    builtinId;
    constructor(name, builtinId, 
    /** unsafe builtins belong to package unsafe. */
    pkg) {
        super(NoPos, pkg, name, Typ[0 /* BasicKind.Invalid */]);
        this.builtinId = builtinId;
    }
}
/** The predeclared nil. */
export class Nil extends GoObject {
    constructor() {
        super(NoPos, null, "nil", Typ[25 /* BasicKind.UntypedNil */]);
    }
}
/** A Go package (checked or being checked). */
export class Package {
    path;
    name;
    /** the package's scope (file scopes are its children). */
    scope;
    /** directly imported packages, in source order of first import. */
    imports = [];
    /** set once type-checking is finished. */
    complete = false;
    /** created for a failed import: contents are unknown, selections are not reported. */
    fake = false;
    /** the go version of the package ("go1.19"), "" = newest. */
    goVersion = "";
    constructor(path, name, scope) {
        this.path = path;
        this.name = name;
        this.scope = scope;
    }
    toString() {
        return `package ${this.name} ("${this.path}")`;
    }
}
export function isExported(name) {
    const c = name.charCodeAt(0);
    if (c >= 65 && c <= 90)
        return true; // A-Z
    if (c < 128)
        return false;
    return /^\p{Lu}/u.test(name);
}
/** Identity key for a (package, name) pair: exported names stand alone, others are qualified by package path. */
export function objectId(pkg, name) {
    if (isExported(name))
        return name;
    const path = pkg === null ? "_" : pkg.path;
    return path + "." + name;
}
