/**
 * Sizes, alignments and field offsets of Go types as gc lays them out on
 * linux/amd64 (the rules of cmd/compile's noder gcSizes, which is what
 * unsafe.Sizeof/Alignof/Offsetof report, not types2's plain StdSizes):
 *
 *   - word size 8, maximum alignment 8; complex64 aligns to 4, complex128 to 8;
 *   - string = 2 words, slice = 3 words, interface = 2 words, pointer, map,
 *     chan, func, unsafe.Pointer, int, uint, uintptr = 1 word;
 *   - [n]T occupies n * sizeof(T) (gc: element size already includes its
 *     trailing padding), aligned like T;
 *   - a struct's fields are placed in order, each at the next multiple of its
 *     alignment; if the last field has size 0 (and is not the only content at
 *     offset 0), one byte is added so that &s.last cannot point past the
 *     object; the total is rounded up to the struct's alignment;
 *   - an empty struct sync/atomic.align64 (also runtime/internal/atomic's)
 *     has alignment 8: it makes atomic.Int64 & co. 8-aligned on 32-bit
 *     targets (a no-op here, but kept for fidelity).
 *
 * Checked against unsafe.Sizeof/Alignof/Offsetof of Go 1.19 on amd64 (see
 * sizes.test.ts for the measured table).
 *
 * Extension: Tuples get a struct-like layout (useful for frames and
 * multi-value results); gc has no such notion. Type parameters and unions
 * have no size (an Error is thrown: callers must not ask).
 *
 * Results for structs and arrays are memoised per type object.
 *
 * Invalid recursive types (reported by validType) must not hang callers: a
 * struct met again while being sized counts as size 0, and an unbounded
 * chain of distinct instances (`type B[P any] struct{ f B[[]P] }`: B[int]
 * holds B[[]int] holds B[[][]int] ...) is cut off by a nesting limit far
 * above any real type, throwing a SizesError.
 */
import type { Var } from "./object.js";
import { Array, Basic, BasicInfo, BasicKind, Named, Struct, Tuple, TypeTag, type Type } from "./type.js";

/** Thrown for types without a size (type parameters, unions, infinitely nested instances). */
export class SizesError extends Error {}

/** Struct/array nesting depth beyond which a type counts as infinitely nested. */
const maxNesting = 250;

export class Sizes {
  /** current struct/array nesting of sizeof/alignof (see maxNesting) */
  private nesting = 0;
  private readonly sizeCache = new WeakMap<Type, number>();
  private readonly alignCache = new WeakMap<Type, number>();
  private readonly offsetCache = new WeakMap<Struct | Tuple, number[]>();
  /** structs whose size or alignment is being computed (cycle guard for invalid types) */
  private readonly inProgress = new Set<Type>();
  private readonly alignInProgress = new Set<Type>();

  constructor(
    /** bytes per word (8 on amd64) */
    readonly wordSize: number,
    /** largest alignment of any type (8 on amd64) */
    readonly maxAlign: number,
  ) {}

  /** Alignment of T in bytes (≥ 1). */
  alignof(T: Type): number {
    const u = T.underlying();
    switch (u.tag) {
      case TypeTag.Array:
        return this.alignof((u as Array).elem);
      case TypeTag.Struct: {
        const c = this.alignCache.get(T);
        if (c !== undefined) return c;
        const s = u as Struct;
        let max = 1;
        if (s.fields.length === 0 && isSyncAtomicAlign64(T)) max = 8;
        if (this.alignInProgress.has(s)) return 1; // invalid recursive type
        this.enter();
        this.alignInProgress.add(s);
        try {
          for (const f of s.fields) {
            const a = this.alignof(f.typ());
            if (a > max) max = a;
          }
        } finally {
          this.alignInProgress.delete(s);
          this.nesting--;
        }
        this.alignCache.set(T, max);
        return max;
      }
      case TypeTag.Tuple: {
        let max = 1;
        for (const v of (u as Tuple).vars) max = Math.max(max, this.alignof(v.typ()));
        return max;
      }
      case TypeTag.Slice:
      case TypeTag.Interface:
        return this.wordSize;
      case TypeTag.Basic:
        if (((u as Basic).info & BasicInfo.IsString) !== 0) return this.wordSize;
        break;
      case TypeTag.TypeParam:
      case TypeTag.Union:
        throw new SizesError(`sizes: alignof of ${u.tag === TypeTag.Union ? "union" : "type parameter"}`);
    }
    let a = this.sizeof(T);
    if (a < 1) return 1;
    if (u instanceof Basic && (u.info & BasicInfo.IsComplex) !== 0) a /= 2;
    return a > this.maxAlign ? this.maxAlign : a;
  }

  /** Offsets of the given fields laid out in order. */
  offsetsOfVars(fields: readonly Var[]): number[] {
    const offsets: number[] = [];
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
  offsetsof(s: Struct | Tuple): number[] {
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
  offsetof(typ: Type, index: readonly number[]): number {
    let o = 0;
    for (const i of index) {
      const s = typ.underlying() as Struct;
      o += this.offsetsof(s)[i];
      typ = s.fields[i].typ();
    }
    return o;
  }

  /** Size of T in bytes. */
  sizeof(T: Type): number {
    const u = T.underlying();
    switch (u.tag) {
      case TypeTag.Basic:
        return this.basicSize(u as Basic);
      case TypeTag.Array: {
        const a = u as Array;
        if (a.len <= 0) return 0;
        this.enter();
        try {
          return this.sizeof(a.elem) * a.len;
        } finally {
          this.nesting--;
        }
      }
      case TypeTag.Slice:
        return this.wordSize * 3;
      case TypeTag.Struct:
      case TypeTag.Tuple: {
        const c = this.sizeCache.get(u);
        if (c !== undefined) return c;
        // an invalid recursive type (reported by validType) has no real size
        if (this.inProgress.has(u)) return 0;
        this.enter();
        this.inProgress.add(u);
        try {
          const size = this.structSize(u as Struct | Tuple);
          this.sizeCache.set(u, size);
          return size;
        } finally {
          this.inProgress.delete(u);
          this.nesting--;
        }
      }
      case TypeTag.Interface:
        return this.wordSize * 2;
      case TypeTag.Pointer:
      case TypeTag.Map:
      case TypeTag.Chan:
      case TypeTag.Signature:
        return this.wordSize;
      default:
        throw new SizesError(`sizes: sizeof of ${u.tag === TypeTag.Union ? "union" : "type parameter"}`);
    }
  }

  private enter(): void {
    // (throws before counting: the enclosing frames' finally blocks unwind the count to 0)
    if (this.nesting >= maxNesting) throw new SizesError("sizes: type nested too deeply (invalid recursive type)");
    this.nesting++;
  }

  private structSize(s: Struct | Tuple): number {
    const fields = s instanceof Struct ? s.fields : s.vars;
    const n = fields.length;
    if (n === 0) return 0;
    const offsets = this.offsetsof(s);
    let last = this.sizeof(fields[n - 1].typ());
    // a trailing zero-size field gets a byte so &s.f stays inside s
    if (last === 0 && offsets[n - 1] > 0) last = 1;
    return align(offsets[n - 1] + last, this.alignof(s));
  }

  private basicSize(b: Basic): number {
    switch (b.kind) {
      case BasicKind.Invalid:
      case BasicKind.Bool:
      case BasicKind.Int8:
      case BasicKind.Uint8:
      case BasicKind.UntypedBool:
        return 1;
      case BasicKind.Int16:
      case BasicKind.Uint16:
        return 2;
      case BasicKind.Int32:
      case BasicKind.Uint32:
      case BasicKind.Float32:
      case BasicKind.UntypedRune:
        return 4;
      case BasicKind.Int64:
      case BasicKind.Uint64:
      case BasicKind.Float64:
      case BasicKind.Complex64:
      case BasicKind.UntypedFloat:
        return 8;
      case BasicKind.Complex128:
      case BasicKind.UntypedComplex:
        return 16;
      case BasicKind.String:
      case BasicKind.UntypedString:
        return this.wordSize * 2;
      default:
        // int, uint, uintptr, unsafe.Pointer, untyped int/nil
        return this.wordSize;
    }
  }
}

/** T is sync/atomic's (or runtime/internal/atomic's) align64 marker type. */
export function isSyncAtomicAlign64(T: Type): boolean {
  if (!(T instanceof Named)) return false;
  const obj = T.obj;
  const pkg = obj.pkg;
  return obj.name === "align64" && pkg !== null && (pkg.path === "sync/atomic" || pkg.path === "runtime/internal/atomic");
}

/** x rounded up to a multiple of a (a ≥ 1). */
export function align(x: number, a: number): number {
  const y = x + a - 1;
  return y - (y % a);
}

/** gc's linux/amd64 sizes (WordSize 8, MaxAlign 8). */
export const stdSizes = new Sizes(8, 8);

/** Size of T on linux/amd64. */
export function sizeof(T: Type): number {
  return stdSizes.sizeof(T);
}

/** Alignment of T on linux/amd64. */
export function alignof(T: Type): number {
  return stdSizes.alignof(T);
}

/** Field offsets of struct s on linux/amd64. */
export function offsetsof(s: Struct): number[] {
  return stdSizes.offsetsof(s);
}
