import { Basic, Named, Struct } from "./type.js";
export class Sizes {
    wordSize;
    maxAlign;
    sizeCache = new WeakMap();
    alignCache = new WeakMap();
    offsetCache = new WeakMap();
    /** structs whose size or alignment is being computed (cycle guard for invalid types) */
    inProgress = new Set();
    alignInProgress = new Set();
    constructor(
    /** bytes per word (8 on amd64) */
    wordSize, 
    /** largest alignment of any type (8 on amd64) */
    maxAlign) {
        this.wordSize = wordSize;
        this.maxAlign = maxAlign;
    }
    /** Alignment of T in bytes (≥ 1). */
    alignof(T) {
        const u = T.underlying();
        switch (u.tag) {
            case 3 /* TypeTag.Array */:
                return this.alignof(u.elem);
            case 5 /* TypeTag.Struct */: {
                const c = this.alignCache.get(T);
                if (c !== undefined)
                    return c;
                const s = u;
                let max = 1;
                if (s.fields.length === 0 && isSyncAtomicAlign64(T))
                    max = 8;
                if (this.alignInProgress.has(s))
                    return 1; // invalid recursive type
                this.alignInProgress.add(s);
                try {
                    for (const f of s.fields) {
                        const a = this.alignof(f.typ());
                        if (a > max)
                            max = a;
                    }
                }
                finally {
                    this.alignInProgress.delete(s);
                }
                this.alignCache.set(T, max);
                return max;
            }
            case 6 /* TypeTag.Tuple */: {
                let max = 1;
                for (const v of u.vars)
                    max = Math.max(max, this.alignof(v.typ()));
                return max;
            }
            case 4 /* TypeTag.Slice */:
            case 8 /* TypeTag.Interface */:
                return this.wordSize;
            case 1 /* TypeTag.Basic */:
                if ((u.info & 32 /* BasicInfo.IsString */) !== 0)
                    return this.wordSize;
                break;
            case 13 /* TypeTag.TypeParam */:
            case 9 /* TypeTag.Union */:
                throw new Error(`sizes: alignof of ${u.tag === 9 /* TypeTag.Union */ ? "union" : "type parameter"}`);
        }
        let a = this.sizeof(T);
        if (a < 1)
            return 1;
        if (u instanceof Basic && (u.info & 16 /* BasicInfo.IsComplex */) !== 0)
            a /= 2;
        return a > this.maxAlign ? this.maxAlign : a;
    }
    /** Offsets of the given fields laid out in order. */
    offsetsOfVars(fields) {
        const offsets = [];
        let o = 0;
        for (const f of fields) {
            const t = f.typ();
            o = align(o, this.alignof(t));
            offsets.push(o);
            o += this.sizeof(t);
        }
        return offsets;
    }
    /** Field offsets of a struct (or tuple), memoised. */
    offsetsof(s) {
        let c = this.offsetCache.get(s);
        if (c === undefined) {
            c = this.offsetsOfVars(s instanceof Struct ? s.fields : s.vars);
            this.offsetCache.set(s, c);
        }
        return c;
    }
    /**
     * Offset of the field reached from typ through the embedded-field path
     * `index` (as returned by lookupFieldOrMethod; no pointer indirections).
     */
    offsetof(typ, index) {
        let o = 0;
        for (const i of index) {
            const s = typ.underlying();
            o += this.offsetsof(s)[i];
            typ = s.fields[i].typ();
        }
        return o;
    }
    /** Size of T in bytes. */
    sizeof(T) {
        const u = T.underlying();
        switch (u.tag) {
            case 1 /* TypeTag.Basic */:
                return this.basicSize(u);
            case 3 /* TypeTag.Array */: {
                const a = u;
                if (a.len <= 0)
                    return 0;
                return this.sizeof(a.elem) * a.len;
            }
            case 4 /* TypeTag.Slice */:
                return this.wordSize * 3;
            case 5 /* TypeTag.Struct */:
            case 6 /* TypeTag.Tuple */: {
                const c = this.sizeCache.get(u);
                if (c !== undefined)
                    return c;
                // an invalid recursive type (reported by validType) has no real size
                if (this.inProgress.has(u))
                    return 0;
                this.inProgress.add(u);
                try {
                    const size = this.structSize(u);
                    this.sizeCache.set(u, size);
                    return size;
                }
                finally {
                    this.inProgress.delete(u);
                }
            }
            case 8 /* TypeTag.Interface */:
                return this.wordSize * 2;
            case 2 /* TypeTag.Pointer */:
            case 10 /* TypeTag.Map */:
            case 11 /* TypeTag.Chan */:
            case 7 /* TypeTag.Signature */:
                return this.wordSize;
            default:
                throw new Error(`sizes: sizeof of ${u.tag === 9 /* TypeTag.Union */ ? "union" : "type parameter"}`);
        }
    }
    structSize(s) {
        const fields = s instanceof Struct ? s.fields : s.vars;
        const n = fields.length;
        if (n === 0)
            return 0;
        const offsets = this.offsetsof(s);
        let last = this.sizeof(fields[n - 1].typ());
        // a trailing zero-size field gets a byte so &s.f stays inside s
        if (last === 0 && offsets[n - 1] > 0)
            last = 1;
        return align(offsets[n - 1] + last, this.alignof(s));
    }
    basicSize(b) {
        switch (b.kind) {
            case 0 /* BasicKind.Invalid */:
            case 1 /* BasicKind.Bool */:
            case 3 /* BasicKind.Int8 */:
            case 8 /* BasicKind.Uint8 */:
            case 19 /* BasicKind.UntypedBool */:
                return 1;
            case 4 /* BasicKind.Int16 */:
            case 9 /* BasicKind.Uint16 */:
                return 2;
            case 5 /* BasicKind.Int32 */:
            case 10 /* BasicKind.Uint32 */:
            case 13 /* BasicKind.Float32 */:
            case 21 /* BasicKind.UntypedRune */:
                return 4;
            case 6 /* BasicKind.Int64 */:
            case 11 /* BasicKind.Uint64 */:
            case 14 /* BasicKind.Float64 */:
            case 15 /* BasicKind.Complex64 */:
            case 22 /* BasicKind.UntypedFloat */:
                return 8;
            case 16 /* BasicKind.Complex128 */:
            case 23 /* BasicKind.UntypedComplex */:
                return 16;
            case 17 /* BasicKind.String */:
            case 24 /* BasicKind.UntypedString */:
                return this.wordSize * 2;
            default:
                // int, uint, uintptr, unsafe.Pointer, untyped int/nil
                return this.wordSize;
        }
    }
}
/** T is sync/atomic's (or runtime/internal/atomic's) align64 marker type. */
export function isSyncAtomicAlign64(T) {
    if (!(T instanceof Named))
        return false;
    const obj = T.obj;
    const pkg = obj.pkg;
    return obj.name === "align64" && pkg !== null && (pkg.path === "sync/atomic" || pkg.path === "runtime/internal/atomic");
}
/** x rounded up to a multiple of a (a ≥ 1). */
export function align(x, a) {
    const y = x + a - 1;
    return y - (y % a);
}
/** gc's linux/amd64 sizes (WordSize 8, MaxAlign 8). */
export const stdSizes = new Sizes(8, 8);
/** Size of T on linux/amd64. */
export function sizeof(T) {
    return stdSizes.sizeof(T);
}
/** Alignment of T on linux/amd64. */
export function alignof(T) {
    return stdSizes.alignof(T);
}
/** Field offsets of struct s on linux/amd64. */
export function offsetsof(s) {
    return stdSizes.offsetsof(s);
}
