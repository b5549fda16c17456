/**
 * Type representations of the gort type checker (the counterpart of types2's
 * basic.go, pointer.go, array.go, slice.go, struct.go, tuple.go, signature.go,
 * interface.go, union.go, map.go, chan.go, named.go, typeparam.go).
 *
 * Every type is a class instance; dispatch is by `instanceof` (or the numeric
 * `tag` when a switch is cheaper). Types are compared with `identical` from
 * predicates.ts, never with `===` (except Basic types and Named origins,
 * which are canonical).
 *
 * Invariants:
 * - `underlying()` of any type is never a Named or a TypeParam's bound; it is
 *   the type itself for every non-Named type (TypeParam returns itself, as in
 *   types2: its "underlying" is its constraint interface, available via
 *   `iface()`).
 * - A Named type is either an origin (declared `type T ...`, `orig === this`)
 *   or an instance (`orig` is the generic origin and `targs` are set). An
 *   instance's underlying type and methods are computed lazily through the
 *   expander registered by instantiate.ts/subst.ts (see `setNamedExpander`).
 */
import type { Pos } from "../syntax/position.js";
import type { Func, TypeName, Var } from "./object.js";
import type { Scope } from "./scope.js";

/** Numeric tags for cheap switches. */
export const enum TypeTag {
  Basic = 1,
  Pointer,
  Array,
  Slice,
  Struct,
  Tuple,
  Signature,
  Interface,
  Union,
  Map,
  Chan,
  Named,
  TypeParam,
}

/** Kinds of basic types. Order matters (ranges are tested with comparisons). */
export const enum BasicKind {
  Invalid = 0,
  // predeclared types
  Bool,
  Int,
  Int8,
  Int16,
  Int32,
  Int64,
  Uint,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Uintptr,
  Float32,
  Float64,
  Complex64,
  Complex128,
  String,
  UnsafePointer,
  // types for untyped values
  UntypedBool,
  UntypedInt,
  UntypedRune,
  UntypedFloat,
  UntypedComplex,
  UntypedString,
  UntypedNil,
}

/** Byte and Rune are aliases of Uint8 and Int32. */
export const Byte = BasicKind.Uint8;
export const Rune = BasicKind.Int32;

/** Properties of basic types (bit set). */
export const enum BasicInfo {
  IsBoolean = 1 << 0,
  IsInteger = 1 << 1,
  IsUnsigned = 1 << 2,
  IsFloat = 1 << 3,
  IsComplex = 1 << 4,
  IsString = 1 << 5,
  IsUntyped = 1 << 6,

  IsOrdered = IsInteger | IsFloat | IsString,
  IsNumeric = IsInteger | IsFloat | IsComplex,
  IsConstType = IsBoolean | IsNumeric | IsString,
}

abstract class TypeBase {
  abstract readonly tag: TypeTag;
  /** The underlying type (see module comment). */
  underlying(): Type {
    return this as unknown as Type;
  }
  toString(): string {
    return typeStringHook(this as unknown as Type);
  }
}

/** A predeclared basic type (bool, int, ..., untyped int, ...). Canonical per kind (+ name for byte/rune). */
export class Basic extends TypeBase {
  readonly tag = TypeTag.Basic;
  constructor(
    readonly kind: BasicKind,
    readonly info: number,
    readonly name: string,
  ) {
    super();
  }
}

export class Pointer extends TypeBase {
  readonly tag = TypeTag.Pointer;
  /** base is mutable only while the checker builds the type (types2 sets the defined type's underlying first). */
  constructor(public base: Type) {
    super();
  }
  elem(): Type {
    return this.base;
  }
}

export class Array extends TypeBase {
  readonly tag = TypeTag.Array;
  /** len < 0 means unknown (invalid array length, or [...] not yet resolved). */
  constructor(
    public elem: Type,
    public len: number,
  ) {
    super();
  }
}

export class Slice extends TypeBase {
  readonly tag = TypeTag.Slice;
  constructor(public elem: Type) {
    super();
  }
}

export class Struct extends TypeBase {
  readonly tag = TypeTag.Struct;
  /** fields in declaration order; `tags[i]` is the tag of field i ("" when none); tags may be empty when no field has one. */
  constructor(
    readonly fields: Var[],
    readonly tags: string[],
  ) {
    super();
  }
  numFields(): number {
    return this.fields.length;
  }
  field(i: number): Var {
    return this.fields[i];
  }
  tag_(i: number): string {
    return i < this.tags.length ? this.tags[i] : "";
  }
}

/** An ordered list of variables (parameters, results, multi-value expressions). */
export class Tuple extends TypeBase {
  readonly tag = TypeTag.Tuple;
  constructor(readonly vars: Var[]) {
    super();
  }
  len(): number {
    return this.vars.length;
  }
  at(i: number): Var {
    return this.vars[i];
  }
}

export class Signature extends TypeBase {
  readonly tag = TypeTag.Signature;
  /** scope of the function (parameters, results); null for signatures not from source. */
  scope: Scope | null = null;
  /** receiver type parameters (methods of generic types). */
  rparams: TypeParam[] = [];
  /** function type parameters. */
  tparams: TypeParam[] = [];
  constructor(
    /** receiver, or null for functions / interface methods before completion. */
    public recv: Var | null,
    public params: Tuple,
    public results: Tuple,
    /** the last parameter is ...T (its type is []T). */
    public variadic: boolean,
  ) {
    super();
  }
}

/** One term of a union: ~T (tilde) or T. `type === null` means "all types" (used only inside type sets). */
export class Term {
  constructor(
    readonly tilde: boolean,
    readonly type: Type | null,
  ) {}
}

/** A union of terms, as it appears in constraint interfaces (A | ~B). Not a real type of values. */
export class Union extends TypeBase {
  readonly tag = TypeTag.Union;
  constructor(readonly terms: Term[]) {
    super();
  }
}

/**
 * Computed type set of an interface (types2's _TypeSet). Built by
 * typeset.ts `computeInterfaceTypeSet`; `terms` follows types2's termlist
 * convention: [] is the empty set, a single term with type null is "all types".
 */
export class TypeSet {
  constructor(
    /** all methods (explicit and embedded), sorted by unique id. */
    public methods: Func[],
    public terms: Term[],
    /** the set is further restricted to comparable types. */
    public comparable: boolean,
  ) {}
}

export class Interface extends TypeBase {
  readonly tag = TypeTag.Interface;
  /** explicitly declared methods (sorted by id once complete). */
  methods: Func[];
  /** embedded types (interfaces, unions, or other types in constraints). */
  embeddeds: Type[];
  /** positions of embedded elements (parallel to embeddeds), for error reporting; may be empty. */
  embedPos: Pos[] = [];
  /** interface implicitly written as a constraint ~int or int|string in a type parameter list. */
  implicit = false;
  /** set after construction is finished (methods/embeddeds final). */
  complete = false;
  /** computed type set; filled lazily by typeset.ts. */
  tset: TypeSet | null = null;
  constructor(methods: Func[], embeddeds: Type[]) {
    super();
    this.methods = methods;
    this.embeddeds = embeddeds;
  }
  numExplicitMethods(): number {
    return this.methods.length;
  }
}

export class MapType extends TypeBase {
  readonly tag = TypeTag.Map;
  constructor(
    public key: Type,
    public elem: Type,
  ) {
    super();
  }
}

export const enum ChanDir {
  SendRecv = 0,
  SendOnly = 1,
  RecvOnly = 2,
}

export class Chan extends TypeBase {
  readonly tag = TypeTag.Chan;
  constructor(
    readonly dir: ChanDir,
    public elem: Type,
  ) {
    super();
  }
}

/** Lifecycle of a Named type's underlying. */
export const enum NamedState {
  /** underlying not set yet */
  Unresolved = 0,
  /** underlying set (origins) or instance expanded */
  Resolved = 1,
}

/** Computes lazily the parts of an instantiated Named type; registered by the algebra (instantiate.ts). */
export interface NamedExpander {
  /** underlying type of instance n (orig's underlying with type arguments substituted). */
  expandUnderlying(n: Named): Type;
  /** i-th method of instance n (orig's method i with receiver type substituted). */
  expandMethod(n: Named, i: number): Func;
}

let namedExpander: NamedExpander | null = null;
export function setNamedExpander(e: NamedExpander): void {
  namedExpander = e;
}

let nextNamedId = 1;

export class Named extends TypeBase {
  readonly tag = TypeTag.Named;
  /** unique id (for caches/maps keyed by type identity of origins). */
  readonly id: number;
  /** the declared type name; for instances, the origin's TypeName. */
  obj: TypeName;
  /** origin (generic) type; `this` for non-instances. */
  orig: Named;
  /** type given in the declaration (may be another Named); set by the checker. */
  fromRHS: Type | null = null;
  /** resolved underlying type (never Named); null while unresolved. */
  underlyingType: Type | null;
  /** type parameters (origins only). */
  tparams: TypeParam[] = [];
  /** type arguments (instances only). */
  targs: Type[] = [];
  /** methods declared for the origin (in source order); instances expand lazily, see `method(i)`. */
  methods: Func[] = [];
  /** expanded methods of an instance, filled lazily (index parallel to orig.methods). */
  private expandedMethods: (Func | undefined)[] | null = null;
  state: NamedState = NamedState.Unresolved;

  constructor(obj: TypeName, underlying: Type | null, methods?: Func[]) {
    super();
    this.id = nextNamedId++;
    this.obj = obj;
    this.orig = this;
    this.underlyingType = underlying;
    if (underlying !== null) this.state = NamedState.Resolved;
    if (methods !== undefined) this.methods = methods;
  }

  /** Creates an (unexpanded) instance of generic `orig` with `targs`. */
  static newInstance(orig: Named, targs: Type[]): Named {
    const n = new Named(orig.obj, null);
    n.orig = orig;
    n.targs = targs;
    return n;
  }

  isInstance(): boolean {
    return this.orig !== this;
  }

  /** The Named origin (generic type for instances). */
  origin(): Named {
    return this.orig;
  }

  /** Type parameters of the origin. */
  typeParams(): TypeParam[] {
    return this.orig.tparams;
  }

  /** Sets the underlying type of an origin (checker only). */
  setUnderlying(u: Type): void {
    this.underlyingType = u;
    this.state = NamedState.Resolved;
  }

  override underlying(): Type {
    let u = this.underlyingType;
    if (u === null) {
      if (this.orig !== this && namedExpander !== null) {
        // the generic type is still being declared (grey): expanding now would copy an
        // incomplete underlying type; answer invalid without caching
        if (this.orig.obj.color >= 2 /* Color.Grey */) return Typ[BasicKind.Invalid];
        // mark first to guard against cycles through the expansion
        this.underlyingType = Typ[BasicKind.Invalid];
        u = namedExpander.expandUnderlying(this);
        this.underlyingType = u;
        this.state = NamedState.Resolved;
      } else {
        // unresolved (cycle or still being declared): behave as invalid
        return Typ[BasicKind.Invalid];
      }
    }
    if (u instanceof Named) {
      // declared as `type A B` with B named: resolve (and cache) the chain
      this.underlyingType = Typ[BasicKind.Invalid]; // cycle guard
      const r = u.underlying();
      this.underlyingType = r instanceof Named ? Typ[BasicKind.Invalid] : r;
      return this.underlyingType;
    }
    return u;
  }

  numMethods(): number {
    return this.orig.methods.length;
  }

  /** i-th method; instances get their method with the receiver substituted. */
  method(i: number): Func {
    if (this.orig === this) return this.methods[i];
    let em = this.expandedMethods;
    if (em === null) em = this.expandedMethods = new globalThis.Array<Func | undefined>(this.orig.methods.length);
    let m = em[i];
    if (m === undefined) {
      m = namedExpander !== null ? namedExpander.expandMethod(this, i) : this.orig.methods[i];
      em[i] = m;
    }
    return m;
  }

  /** Adds a method to an origin (checker only). */
  addMethod(m: Func): void {
    this.methods.push(m);
  }
}

let nextTypeParamId = 1;

export class TypeParam extends TypeBase {
  readonly tag = TypeTag.TypeParam;
  /** unique id, used to tell type parameters apart in printing ("T₁") and in maps. */
  readonly id: number;
  /** position in its type parameter list; -1 until bound. */
  index = -1;
  constructor(
    readonly obj: TypeName,
    /** the constraint (any type; interfaces as written, non-interfaces are wrapped implicitly by `iface()`). */
    public bound: Type,
  ) {
    super();
    this.id = nextTypeParamId++;
  }

  /** The constraint as an interface (an implicit interface wrapping non-interface constraints). */
  iface(): Interface {
    const b = this.bound;
    const u = b.underlying();
    if (u instanceof Interface) return u;
    if (u instanceof Basic && u.kind === BasicKind.Invalid) return emptyInterface;
    // implicit interface around a non-interface constraint (e.g. ~int or a union)
    let cached = this.implicitIface;
    if (cached === null || this.implicitFor !== b) {
      cached = new Interface([], [b]);
      cached.implicit = true;
      cached.complete = true;
      this.implicitIface = cached;
      this.implicitFor = b;
    }
    return cached;
  }
  private implicitIface: Interface | null = null;
  private implicitFor: Type | null = null;
}

export type Type =
  | Basic
  | Pointer
  | Array
  | Slice
  | Struct
  | Tuple
  | Signature
  | Interface
  | Union
  | MapType
  | Chan
  | Named
  | TypeParam;

// ---------------------------------------------------------------------------
// Predeclared basic types (canonical instances).


/** Typ[kind] is the canonical Basic type of each kind. */
export const Typ: Basic[] = [
  new Basic(BasicKind.Invalid, 0, "invalid type"),
  new Basic(BasicKind.Bool, BasicInfo.IsBoolean, "bool"),
  new Basic(BasicKind.Int, BasicInfo.IsInteger, "int"),
  new Basic(BasicKind.Int8, BasicInfo.IsInteger, "int8"),
  new Basic(BasicKind.Int16, BasicInfo.IsInteger, "int16"),
  new Basic(BasicKind.Int32, BasicInfo.IsInteger, "int32"),
  new Basic(BasicKind.Int64, BasicInfo.IsInteger, "int64"),
  new Basic(BasicKind.Uint, BasicInfo.IsInteger | BasicInfo.IsUnsigned, "uint"),
  new Basic(BasicKind.Uint8, BasicInfo.IsInteger | BasicInfo.IsUnsigned, "uint8"),
  new Basic(BasicKind.Uint16, BasicInfo.IsInteger | BasicInfo.IsUnsigned, "uint16"),
  new Basic(BasicKind.Uint32, BasicInfo.IsInteger | BasicInfo.IsUnsigned, "uint32"),
  new Basic(BasicKind.Uint64, BasicInfo.IsInteger | BasicInfo.IsUnsigned, "uint64"),
  new Basic(BasicKind.Uintptr, BasicInfo.IsInteger | BasicInfo.IsUnsigned, "uintptr"),
  new Basic(BasicKind.Float32, BasicInfo.IsFloat, "float32"),
  new Basic(BasicKind.Float64, BasicInfo.IsFloat, "float64"),
  new Basic(BasicKind.Complex64, BasicInfo.IsComplex, "complex64"),
  new Basic(BasicKind.Complex128, BasicInfo.IsComplex, "complex128"),
  new Basic(BasicKind.String, BasicInfo.IsString, "string"),
  new Basic(BasicKind.UnsafePointer, 0, "Pointer"),
  new Basic(BasicKind.UntypedBool, BasicInfo.IsBoolean | BasicInfo.IsUntyped, "untyped bool"),
  new Basic(BasicKind.UntypedInt, BasicInfo.IsInteger | BasicInfo.IsUntyped, "untyped int"),
  new Basic(BasicKind.UntypedRune, BasicInfo.IsInteger | BasicInfo.IsUntyped, "untyped rune"),
  new Basic(BasicKind.UntypedFloat, BasicInfo.IsFloat | BasicInfo.IsUntyped, "untyped float"),
  new Basic(BasicKind.UntypedComplex, BasicInfo.IsComplex | BasicInfo.IsUntyped, "untyped complex"),
  new Basic(BasicKind.UntypedString, BasicInfo.IsString | BasicInfo.IsUntyped, "untyped string"),
  new Basic(BasicKind.UntypedNil, BasicInfo.IsUntyped, "untyped nil"),
];

/** The alias types byte and rune (distinct Basic objects with the same kind, printed by their name). */
export const byteType = new Basic(BasicKind.Uint8, BasicInfo.IsInteger | BasicInfo.IsUnsigned, "byte");
export const runeType = new Basic(BasicKind.Int32, BasicInfo.IsInteger, "rune");

export const invalidType: Basic = Typ[BasicKind.Invalid];

/** The empty interface `interface{}` (complete, shared). */
export const emptyInterface: Interface = (() => {
  const i = new Interface([], []);
  i.complete = true;
  return i;
})();

export const emptyTuple = new Tuple([]);

// ---------------------------------------------------------------------------
// Small structural helpers used everywhere (kept here to avoid import cycles).

/** True if t is the invalid type. */
export function isInvalid(t: Type | null | undefined): boolean {
  return t === undefined || t === null || (t instanceof Basic && t.kind === BasicKind.Invalid);
}

/** The underlying type of t, or t itself for type parameters (alias of t.underlying()). */
export function under(t: Type): Type {
  return t.underlying();
}

/** If t is a type parameter, the interface of its constraint; otherwise undefined. */
export function asTypeParam(t: Type): TypeParam | undefined {
  return t instanceof TypeParam ? t : undefined;
}

/** The named or basic type's "declared" pointer base: *T -> T when t is a pointer (structurally). */
export function derefPtr(t: Type): { type: Type; isPtr: boolean } {
  if (t instanceof Pointer) return { type: t.base, isPtr: true };
  return { type: t, isPtr: false };
}

// typeString is provided by typestring.ts; it registers itself here so that
// `String(t)` works for debugging without an import cycle at load time.
let typeStringHook: (t: Type) => string = (t) => `<type tag ${t.tag}>`;
export function setTypeStringHook(f: (t: Type) => string): void {
  typeStringHook = f;
}
