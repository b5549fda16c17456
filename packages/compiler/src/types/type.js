/** Byte and Rune are aliases of Uint8 and Int32. */
export const Byte = 8 /* BasicKind.Uint8 */;
export const Rune = 5 /* BasicKind.Int32 */;
class TypeBase {
    /** The underlying type (see module comment). */
    underlying() {
        return this;
    }
    toString() {
        return typeStringHook(this);
    }
}
/** A predeclared basic type (bool, int, ..., untyped int, ...). Canonical per kind (+ name for byte/rune). */
export class Basic extends TypeBase {
    kind;
    info;
    name;
    tag = 1 /* TypeTag.Basic */;
    constructor(kind, info, name) {
        super();
        this.kind = kind;
        this.info = info;
        this.name = name;
    }
}
export class Pointer extends TypeBase {
    base;
    tag = 2 /* TypeTag.Pointer */;
    constructor(base) {
        super();
        this.base = base;
    }
    elem() {
        return this.base;
    }
}
export class Array extends TypeBase {
    elem;
    len;
    tag = 3 /* TypeTag.Array */;
    /** len < 0 means unknown (invalid array length, or [...] not yet resolved). */
    constructor(elem, len) {
        super();
        this.elem = elem;
        this.len = len;
    }
}
export class Slice extends TypeBase {
    elem;
    tag = 4 /* TypeTag.Slice */;
    constructor(elem) {
        super();
        this.elem = elem;
    }
}
export class Struct extends TypeBase {
    fields;
    tags;
    tag = 5 /* TypeTag.Struct */;
    /** fields in declaration order; `tags[i]` is the tag of field i ("" when none); tags may be empty when no field has one. */
    constructor(fields, tags) {
        super();
        this.fields = fields;
        this.tags = tags;
    }
    numFields() {
        return this.fields.length;
    }
    field(i) {
        return this.fields[i];
    }
    tag_(i) {
        return i < this.tags.length ? this.tags[i] : "";
    }
}
/** An ordered list of variables (parameters, results, multi-value expressions). */
export class Tuple extends TypeBase {
    vars;
    tag = 6 /* TypeTag.Tuple */;
    constructor(vars) {
        super();
        this.vars = vars;
    }
    len() {
        return this.vars.length;
    }
    at(i) {
        return this.vars[i];
    }
}
export class Signature extends TypeBase {
    recv;
    params;
    results;
    variadic;
    tag = 7 /* TypeTag.Signature */;
    /** scope of the function (parameters, results); null for signatures not from source. */
    scope = null;
    /** receiver type parameters (methods of generic types). */
    rparams = [];
    /** function type parameters. */
    tparams = [];
    constructor(
    /** receiver, or null for functions / interface methods before completion. */
    recv, params, results, 
    /** the last parameter is ...T (its type is []T). */
    variadic) {
        super();
        this.recv = recv;
        this.params = params;
        this.results = results;
        this.variadic = variadic;
    }
}
/** One term of a union: ~T (tilde) or T. `type === null` means "all types" (used only inside type sets). */
export class Term {
    tilde;
    type;
    constructor(tilde, type) {
        this.tilde = tilde;
        this.type = type;
    }
}
/** A union of terms, as it appears in constraint interfaces (A | ~B). Not a real type of values. */
export class Union extends TypeBase {
    terms;
    tag = 9 /* TypeTag.Union */;
    constructor(terms) {
        super();
        this.terms = terms;
    }
}
/**
 * Computed type set of an interface (types2's _TypeSet). Built by
 * typeset.ts `computeInterfaceTypeSet`; `terms` follows types2's termlist
 * convention: [] is the empty set, a single term with type null is "all types".
 */
export class TypeSet {
    methods;
    terms;
    comparable;
    constructor(
    /** all methods (explicit and embedded), sorted by unique id. */
    methods, terms, 
    /** the set is further restricted to comparable types. */
    comparable) {
        this.methods = methods;
        this.terms = terms;
        this.comparable = comparable;
    }
}
export class Interface extends TypeBase {
    tag = 8 /* TypeTag.Interface */;
    /** explicitly declared methods (sorted by id once complete). */
    methods;
    /** embedded types (interfaces, unions, or other types in constraints). */
    embeddeds;
    /** positions of embedded elements (parallel to embeddeds), for error reporting; may be empty. */
    embedPos = [];
    /** interface implicitly written as a constraint ~int or int|string in a type parameter list. */
    implicit = false;
    /** set after construction is finished (methods/embeddeds final). */
    complete = false;
    /** computed type set; filled lazily by typeset.ts. */
    tset = null;
    constructor(methods, embeddeds) {
        super();
        this.methods = methods;
        this.embeddeds = embeddeds;
    }
    numExplicitMethods() {
        return this.methods.length;
    }
}
export class MapType extends TypeBase {
    key;
    elem;
    tag = 10 /* TypeTag.Map */;
    constructor(key, elem) {
        super();
        this.key = key;
        this.elem = elem;
    }
}
export class Chan extends TypeBase {
    dir;
    elem;
    tag = 11 /* TypeTag.Chan */;
    constructor(dir, elem) {
        super();
        this.dir = dir;
        this.elem = elem;
    }
}
let namedExpander = null;
export function setNamedExpander(e) {
    namedExpander = e;
}
let nextNamedId = 1;
export class Named extends TypeBase {
    tag = 12 /* TypeTag.Named */;
    /** unique id (for caches/maps keyed by type identity of origins). */
    id;
    /** the declared type name; for instances, the origin's TypeName. */
    obj;
    /** origin (generic) type; `this` for non-instances. */
    orig;
    /** type given in the declaration (may be another Named); set by the checker. */
    fromRHS = null;
    /** resolved underlying type (never Named); null while unresolved. */
    underlyingType;
    /** type parameters (origins only). */
    tparams = [];
    /** type arguments (instances only). */
    targs = [];
    /** methods declared for the origin (in source order); instances expand lazily, see `method(i)`. */
    methods = [];
    /** expanded methods of an instance, filled lazily (index parallel to orig.methods). */
    expandedMethods = null;
    state = 0 /* NamedState.Unresolved */;
    constructor(obj, underlying, methods) {
        super();
        this.id = nextNamedId++;
        this.obj = obj;
        this.orig = this;
        this.underlyingType = underlying;
        if (underlying !== null)
            this.state = 1 /* NamedState.Resolved */;
        if (methods !== undefined)
            this.methods = methods;
    }
    /** Creates an (unexpanded) instance of generic `orig` with `targs`. */
    static newInstance(orig, targs) {
        const n = new Named(orig.obj, null);
        n.orig = orig;
        n.targs = targs;
        return n;
    }
    isInstance() {
        return this.orig !== this;
    }
    /** The Named origin (generic type for instances). */
    origin() {
        return this.orig;
    }
    /** Type parameters of the origin. */
    typeParams() {
        return this.orig.tparams;
    }
    /** Sets the underlying type of an origin (checker only). */
    setUnderlying(u) {
        this.underlyingType = u;
        this.state = 1 /* NamedState.Resolved */;
    }
    underlying() {
        let u = this.underlyingType;
        if (u === null) {
            if (this.orig !== this && namedExpander !== null) {
                // mark first to guard against cycles through the expansion
                this.underlyingType = Typ[0 /* BasicKind.Invalid */];
                u = namedExpander.expandUnderlying(this);
                this.underlyingType = u;
                this.state = 1 /* NamedState.Resolved */;
            }
            else {
                // unresolved (cycle or still being declared): behave as invalid
                return Typ[0 /* BasicKind.Invalid */];
            }
        }
        if (u instanceof Named) {
            // declared as `type A B` with B named: resolve (and cache) the chain
            this.underlyingType = Typ[0 /* BasicKind.Invalid */]; // cycle guard
            const r = u.underlying();
            this.underlyingType = r instanceof Named ? Typ[0 /* BasicKind.Invalid */] : r;
            return this.underlyingType;
        }
        return u;
    }
    numMethods() {
        return this.orig.methods.length;
    }
    /** i-th method; instances get their method with the receiver substituted. */
    method(i) {
        if (this.orig === this)
            return this.methods[i];
        let em = this.expandedMethods;
        if (em === null)
            em = this.expandedMethods = new globalThis.Array(this.orig.methods.length);
        let m = em[i];
        if (m === undefined) {
            m = namedExpander !== null ? namedExpander.expandMethod(this, i) : this.orig.methods[i];
            em[i] = m;
        }
        return m;
    }
    /** Adds a method to an origin (checker only). */
    addMethod(m) {
        this.methods.push(m);
    }
}
let nextTypeParamId = 1;
export class TypeParam extends TypeBase {
    obj;
    bound;
    tag = 13 /* TypeTag.TypeParam */;
    /** unique id, used to tell type parameters apart in printing ("T₁") and in maps. */
    id;
    /** position in its type parameter list; -1 until bound. */
    index = -1;
    constructor(obj, 
    /** the constraint (any type; interfaces as written, non-interfaces are wrapped implicitly by `iface()`). */
    bound) {
        super();
        this.obj = obj;
        this.bound = bound;
        this.id = nextTypeParamId++;
    }
    /** The constraint as an interface (an implicit interface wrapping non-interface constraints). */
    iface() {
        const b = this.bound;
        const u = b.underlying();
        if (u instanceof Interface)
            return u;
        if (u instanceof Basic && u.kind === 0 /* BasicKind.Invalid */)
            return emptyInterface;
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
    implicitIface = null;
    implicitFor = null;
}
// ---------------------------------------------------------------------------
// Predeclared basic types (canonical instances).
/** Typ[kind] is the canonical Basic type of each kind. */
export const Typ = [
    new Basic(0 /* BasicKind.Invalid */, 0, "invalid type"),
    new Basic(1 /* BasicKind.Bool */, 1 /* BasicInfo.IsBoolean */, "bool"),
    new Basic(2 /* BasicKind.Int */, 2 /* BasicInfo.IsInteger */, "int"),
    new Basic(3 /* BasicKind.Int8 */, 2 /* BasicInfo.IsInteger */, "int8"),
    new Basic(4 /* BasicKind.Int16 */, 2 /* BasicInfo.IsInteger */, "int16"),
    new Basic(5 /* BasicKind.Int32 */, 2 /* BasicInfo.IsInteger */, "int32"),
    new Basic(6 /* BasicKind.Int64 */, 2 /* BasicInfo.IsInteger */, "int64"),
    new Basic(7 /* BasicKind.Uint */, 2 /* BasicInfo.IsInteger */ | 4 /* BasicInfo.IsUnsigned */, "uint"),
    new Basic(8 /* BasicKind.Uint8 */, 2 /* BasicInfo.IsInteger */ | 4 /* BasicInfo.IsUnsigned */, "uint8"),
    new Basic(9 /* BasicKind.Uint16 */, 2 /* BasicInfo.IsInteger */ | 4 /* BasicInfo.IsUnsigned */, "uint16"),
    new Basic(10 /* BasicKind.Uint32 */, 2 /* BasicInfo.IsInteger */ | 4 /* BasicInfo.IsUnsigned */, "uint32"),
    new Basic(11 /* BasicKind.Uint64 */, 2 /* BasicInfo.IsInteger */ | 4 /* BasicInfo.IsUnsigned */, "uint64"),
    new Basic(12 /* BasicKind.Uintptr */, 2 /* BasicInfo.IsInteger */ | 4 /* BasicInfo.IsUnsigned */, "uintptr"),
    new Basic(13 /* BasicKind.Float32 */, 8 /* BasicInfo.IsFloat */, "float32"),
    new Basic(14 /* BasicKind.Float64 */, 8 /* BasicInfo.IsFloat */, "float64"),
    new Basic(15 /* BasicKind.Complex64 */, 16 /* BasicInfo.IsComplex */, "complex64"),
    new Basic(16 /* BasicKind.Complex128 */, 16 /* BasicInfo.IsComplex */, "complex128"),
    new Basic(17 /* BasicKind.String */, 32 /* BasicInfo.IsString */, "string"),
    new Basic(18 /* BasicKind.UnsafePointer */, 0, "Pointer"),
    new Basic(19 /* BasicKind.UntypedBool */, 1 /* BasicInfo.IsBoolean */ | 64 /* BasicInfo.IsUntyped */, "untyped bool"),
    new Basic(20 /* BasicKind.UntypedInt */, 2 /* BasicInfo.IsInteger */ | 64 /* BasicInfo.IsUntyped */, "untyped int"),
    new Basic(21 /* BasicKind.UntypedRune */, 2 /* BasicInfo.IsInteger */ | 64 /* BasicInfo.IsUntyped */, "untyped rune"),
    new Basic(22 /* BasicKind.UntypedFloat */, 8 /* BasicInfo.IsFloat */ | 64 /* BasicInfo.IsUntyped */, "untyped float"),
    new Basic(23 /* BasicKind.UntypedComplex */, 16 /* BasicInfo.IsComplex */ | 64 /* BasicInfo.IsUntyped */, "untyped complex"),
    new Basic(24 /* BasicKind.UntypedString */, 32 /* BasicInfo.IsString */ | 64 /* BasicInfo.IsUntyped */, "untyped string"),
    new Basic(25 /* BasicKind.UntypedNil */, 64 /* BasicInfo.IsUntyped */, "untyped nil"),
];
/** The alias types byte and rune (distinct Basic objects with the same kind, printed by their name). */
export const byteType = new Basic(8 /* BasicKind.Uint8 */, 2 /* BasicInfo.IsInteger */ | 4 /* BasicInfo.IsUnsigned */, "byte");
export const runeType = new Basic(5 /* BasicKind.Int32 */, 2 /* BasicInfo.IsInteger */, "rune");
export const invalidType = Typ[0 /* BasicKind.Invalid */];
/** The empty interface `interface{}` (complete, shared). */
export const emptyInterface = (() => {
    const i = new Interface([], []);
    i.complete = true;
    return i;
})();
export const emptyTuple = new Tuple([]);
// ---------------------------------------------------------------------------
// Small structural helpers used everywhere (kept here to avoid import cycles).
/** True if t is the invalid type. */
export function isInvalid(t) {
    return t === undefined || t === null || (t instanceof Basic && t.kind === 0 /* BasicKind.Invalid */);
}
/** The underlying type of t, or t itself for type parameters (alias of t.underlying()). */
export function under(t) {
    return t.underlying();
}
/** If t is a type parameter, the interface of its constraint; otherwise undefined. */
export function asTypeParam(t) {
    return t instanceof TypeParam ? t : undefined;
}
/** The named or basic type's "declared" pointer base: *T -> T when t is a pointer (structurally). */
export function derefPtr(t) {
    if (t instanceof Pointer)
        return { type: t.base, isPtr: true };
    return { type: t, isPtr: false };
}
// typeString is provided by typestring.ts; it registers itself here so that
// `String(t)` works for debugging without an import cycle at load time.
let typeStringHook = (t) => `<type tag ${t.tag}>`;
export function setTypeStringHook(f) {
    typeStringHook = f;
}
