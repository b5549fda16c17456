/**
 * Objects: named language entities (types2's object.go and package.go).
 *
 * An object is created by the resolver (package-level) or the statement
 * checker (locals) and inserted into a Scope. Its `type` is null until the
 * object has been type-checked (package-level objects are checked lazily, in
 * dependency order, by decl.ts; `color` tracks that walk).
 */
import type { Value } from "../constant/index.js";
import { NoPos, type Pos } from "../syntax/position.js";
import type { Scope } from "./scope.js";
import { Signature, type Type, Named, Pointer, Typ, BasicKind } from "./type.js";

/** Color of an object during package-level declaration checking (types2 color). */
export const enum Color {
  White = 0,
  Black = 1,
  /** Grey = 2 + index of the object on the checker's object path. */
  Grey = 2,
}

let nextObjectId = 1;

export abstract class GoObject {
  // Fields are `declare`d and assigned in the constructor in a fixed order: with ES2022 class
  // field semantics, initialized fields are defined one by one (slow on this hot path).
  declare pos: Pos;
  /** package to which the object belongs; null for universe objects. */
  declare pkg: Package | null;
  declare name: string;
  declare type: Type | null;
  /** unique id: allocation order (stable within a process; used for sorting/maps). */
  declare readonly oid: number;
  /** scope in which this object is declared; null for methods and struct fields. */
  declare parent: Scope | null;
  /** declaration order for package-level objects (1-based; 0 = not package-level/unset). */
  declare order: number;
  declare color: number;
  /** position from which the object is visible in its scope (locals: after the declaration). */
  declare scopePos: Pos;

  constructor(pos: Pos, pkg: Package | null, name: string, type: Type | null) {
    this.pos = pos;
    this.pkg = pkg;
    this.name = name;
    this.type = type;
    this.oid = nextObjectId++;
    this.parent = null;
    this.order = 0;
    this.color = Color.White;
    this.scopePos = NoPos;
  }

  exported(): boolean {
    return isExported(this.name);
  }

  /** The object's identity for lookups (package-qualified for unexported names). */
  id(): string {
    return objectId(this.pkg, this.name);
  }

  sameId(pkg: Package | null, name: string): boolean {
    if (name !== this.name) return false;
    if (this.exported()) return true;
    // unexported names must be from the same package
    const p1 = this.pkg === null ? "" : this.pkg.path;
    const p2 = pkg === null ? "" : pkg.path;
    return p1 === p2;
  }

  /** Type or invalid (for code that runs after errors). */
  typ(): Type {
    return this.type ?? Typ[BasicKind.Invalid];
  }
}

/** An imported package name (import "fmt" introduces PkgName fmt in the file scope). */
export class PkgName extends GoObject {
  used = false;
  constructor(
    pos: Pos,
    pkg: Package,
    name: string,
    readonly imported: Package,
  ) {
    super(pos, pkg, name, Typ[BasicKind.Invalid]);
  }
}

/** A declared constant. */
export class Const extends GoObject {
  constructor(
    pos: Pos,
    pkg: Package | null,
    name: string,
    type: Type | null,
    public val: Value,
  ) {
    super(pos, pkg, name, type);
  }
}

/** A type name (declared type, alias, type parameter, or predeclared type). */
export class TypeName extends GoObject {
  /** true if declared as an alias (type A = B) */
  alias = false;
  constructor(pos: Pos, pkg: Package | null, name: string, type: Type | null) {
    super(pos, pkg, name, type);
  }
  /** true for `type A = B` and the predeclared aliases byte and rune. */
  isAlias(): boolean {
    return this.alias;
  }
}

/** A variable: package-level or local variable, parameter, result, or struct field. */
export class Var extends GoObject {
  /** anonymous (embedded) struct field */
  declare embedded: boolean;
  declare isField: boolean;
  declare isParam: boolean;
  /** set when the variable is used (for "declared but not used"). */
  declare used: boolean;
  /** for instantiated fields/params: the generic origin variable. */
  declare origin: Var | null;
  constructor(pos: Pos, pkg: Package | null, name: string, type: Type | null) {
    super(pos, pkg, name, type);
    this.embedded = false;
    this.isField = false;
    this.isParam = false;
    this.used = false;
    this.origin = null;
  }
  static newField(pos: Pos, pkg: Package | null, name: string, type: Type | null, embedded: boolean): Var {
    const v = new Var(pos, pkg, name, type);
    v.isField = true;
    v.embedded = embedded;
    return v;
  }
  static newParam(pos: Pos, pkg: Package | null, name: string, type: Type | null): Var {
    const v = new Var(pos, pkg, name, type);
    v.isParam = true;
    v.used = true; // parameters are never reported as unused
    return v;
  }
  getOrigin(): Var {
    return this.origin ?? this;
  }
}

/** A function or method (type is a *Signature, or null while unchecked). */
export class Func extends GoObject {
  /** method with a pointer receiver (set for interface-less lookups before the signature is checked). */
  hasPtrRecv = false;
  /** for instantiated methods: the generic origin. */
  origin: Func | null = null;
  constructor(pos: Pos, pkg: Package | null, name: string, sig: Signature | null) {
    super(pos, pkg, name, sig);
  }
  signature(): Signature {
    return this.type as Signature;
  }
  /** The full name as printed in messages: pkg.Name, (T).Name or (*T).Name. */
  fullName(qualify?: (p: Package) => string): string {
    const q = qualify ?? ((p: Package) => p.name);
    const sig = this.type;
    if (sig instanceof Signature && sig.recv !== null) {
      let t = sig.recv.typ();
      let ptr = false;
      if (t instanceof Pointer) {
        t = t.base;
        ptr = true;
      }
      let tn = String(t);
      if (t instanceof Named) tn = (t.obj.pkg !== null ? q(t.obj.pkg) + "." : "") + t.obj.name;
      return ptr ? `(*${tn}).${this.name}` : `(${tn}).${this.name}`;
    }
    return this.pkg !== null ? `${q(this.pkg)}.${this.name}` : this.name;
  }
  getOrigin(): Func {
    return this.origin ?? this;
  }
  /** true if this is a method (has or will have a receiver). */
  isMethod(): boolean {
    const sig = this.type;
    return sig instanceof Signature && sig.recv !== null;
  }
}

/** A statement label. */
export class Label extends GoObject {
  used = false;
  constructor(pos: Pos, pkg: Package | null, name: string) {
    super(pos, pkg, name, Typ[BasicKind.Invalid]);
  }
}

/** Identifiers of the builtin functions (universe and package unsafe). */
export const enum BuiltinId {
  Append,
  Cap,
  Clear,
  Close,
  Complex,
  Copy,
  Delete,
  Imag,
  Len,
  Make,
  Max,
  Min,
  New,
  Panic,
  Print,
  Println,
  Real,
  Recover,
  // package unsafe
  Add,
  Alignof,
  Offsetof,
  Sizeof,
  Slice,
  SliceData,
  String,
  StringData,
  // testing support
  Assert,
  Trace,
}

export class Builtin extends GoObject {
  constructor(
    name: string,
    readonly builtinId: BuiltinId,
    /** unsafe builtins belong to package unsafe. */
    pkg: Package | null,
  ) {
    super(NoPos, pkg, name, Typ[BasicKind.Invalid]);
  }
}

/** The predeclared nil. */
export class Nil extends GoObject {
  constructor() {
    super(NoPos, null, "nil", Typ[BasicKind.UntypedNil]);
  }
}

export type Object = PkgName | Const | TypeName | Var | Func | Label | Builtin | Nil;

/** A Go package (checked or being checked). */
export class Package {
  /** the package's scope (file scopes are its children). */
  scope: Scope;
  /** directly imported packages, in source order of first import. */
  imports: Package[] = [];
  /** set once type-checking is finished. */
  complete = false;
  /** created for a failed import: contents are unknown, selections are not reported. */
  fake = false;
  /** the go version of the package ("go1.19"), "" = newest. */
  goVersion = "";
  constructor(
    public path: string,
    public name: string,
    scope: Scope,
  ) {
    this.scope = scope;
  }
  toString(): string {
    return `package ${this.name} ("${this.path}")`;
  }
}

export function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // A-Z
  if (c < 128) return false;
  return /^\p{Lu}/u.test(name);
}

/** Identity key for a (package, name) pair: exported names stand alone, others are qualified by package path. */
export function objectId(pkg: Package | null, name: string): string {
  if (isExported(name)) return name;
  const path = pkg === null ? "_" : pkg.path;
  return path + "." + name;
}
