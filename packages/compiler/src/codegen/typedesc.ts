/**
 * typedesc.ts — type descriptors in the statics, laid out per packages/stdlib/TYPEDESC.md:
 * the 36-byte common header (size, ptrdata, hash, tflag/align/fieldAlign/kind, equal, gcdata,
 * str, ptrToThis, uncommon) and the kind-specific part. Done today: header for every kind,
 * Pointer/Slice elem, Array elem+len, Struct fields. Not yet: uncommon records (methods),
 * Func/Interface/Map/Chan parts, equal functions (0 = "not comparable" until the compiler
 * emits equality functions), ptrToThis.
 */
import {
  BasicKind,
  TypeTag,
  typeString,
  type Array as ArrayT,
  type Basic,
  type Struct,
  type Type,
  type Pointer,
  type Slice,
} from "../types/index.js";
import { alignof, offsetsof, sizeof } from "../types/sizes.js";
import { Unsupported } from "../ir/lower.js";
import type { Statics } from "./statics.js";

const KIND_OF_BASIC: Partial<Record<BasicKind, number>> = {
  [BasicKind.Bool]: 1,
  [BasicKind.Int]: 2,
  [BasicKind.Int8]: 3,
  [BasicKind.Int16]: 4,
  [BasicKind.Int32]: 5,
  [BasicKind.Int64]: 6,
  [BasicKind.Uint]: 7,
  [BasicKind.Uint8]: 8,
  [BasicKind.Uint16]: 9,
  [BasicKind.Uint32]: 10,
  [BasicKind.Uint64]: 11,
  [BasicKind.Uintptr]: 12,
  [BasicKind.Float32]: 13,
  [BasicKind.Float64]: 14,
  [BasicKind.Complex64]: 15,
  [BasicKind.Complex128]: 16,
  [BasicKind.String]: 24,
  [BasicKind.UnsafePointer]: 26,
};

const DIRECT_IFACE = 0x20;

/** Go's reflect.Kind of t (without the directIface bit). */
export function kindOf(t: Type): number {
  const u = t.underlying();
  switch (u.tag) {
    case TypeTag.Basic:
      return KIND_OF_BASIC[(u as Basic).kind] ?? 0;
    case TypeTag.Array:
      return 17;
    case TypeTag.Chan:
      return 18;
    case TypeTag.Signature:
      return 19;
    case TypeTag.Interface:
      return 20;
    case TypeTag.Map:
      return 21;
    case TypeTag.Pointer:
      return 22;
    case TypeTag.Slice:
      return 23;
    case TypeTag.Struct:
      return 25;
  }
  return 0;
}

/** Pointer words of a value of type t (word index = byte offset / 8), appended to out. */
export function pointerWords(t: Type, base: number, out: number[]): void {
  const u = t.underlying();
  switch (u.tag) {
    case TypeTag.Basic: {
      const k = (u as Basic).kind;
      if (k === BasicKind.String || k === BasicKind.UnsafePointer) out.push(base / 8);
      return;
    }
    case TypeTag.Pointer:
    case TypeTag.Map:
    case TypeTag.Chan:
    case TypeTag.Signature:
      out.push(base / 8);
      return;
    case TypeTag.Slice:
      out.push(base / 8);
      return;
    case TypeTag.Interface:
      out.push(base / 8, base / 8 + 1);
      return;
    case TypeTag.Array: {
      const a = u as ArrayT;
      const es = sizeof(a.elem);
      const inner: number[] = [];
      pointerWords(a.elem, 0, inner);
      if (inner.length === 0) return;
      if (a.len * inner.length + out.length > 1 << 22)
        throw new Unsupported(0, `type ${goTypeString(t)} (too many pointer words for a plain pointer bitmap: GC programs)`);
      for (let i = 0; i < a.len; i++) for (const w of inner) out.push(w + (base + i * es) / 8);
      return;
    }
    case TypeTag.Struct: {
      const s = u as Struct;
      const offs = offsetsof(s);
      s.fields.forEach((f, i) => pointerWords(f.type as Type, base + offs[i], out));
      return;
    }
  }
}

function isDirectIface(t: Type): boolean {
  const u = t.underlying();
  switch (u.tag) {
    case TypeTag.Pointer:
    case TypeTag.Map:
    case TypeTag.Chan:
    case TypeTag.Signature:
      return true;
    case TypeTag.Basic:
      return (u as Basic).kind === BasicKind.UnsafePointer;
    case TypeTag.Array:
      return (u as ArrayT).len === 1 && isDirectIface((u as ArrayT).elem);
    case TypeTag.Struct:
      return (u as Struct).fields.length === 1 && isDirectIface((u as Struct).fields[0].type as Type);
  }
  return false;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Go's %T spelling: package *names* as qualifiers. */
export function goTypeString(t: Type): string {
  return typeString(t, (p) => p.name);
}

/** Registers types and writes their descriptors into the statics. */
export class TypeTable {
  /** statics offsets, index = type id */
  readonly offs: number[] = [];
  private byKey = new Map<string, number>();
  private descOff = new Map<number, number>();

  constructor(private readonly st: Statics) {}

  private key(t: Type): string {
    return typeString(t, (p) => p.path);
  }

  /** Type id of t (its descriptor is written on first use). */
  index(t: Type): number {
    const k = this.key(t);
    const id = this.byKey.get(k);
    if (id !== undefined) return id;
    const nid = this.offs.length;
    this.byKey.set(k, nid);
    this.offs.push(-1);
    this.offs[nid] = this.write(t);
    return nid;
  }

  /** Statics offset of t's descriptor. */
  desc(t: Type): number {
    return this.offs[this.index(t)];
  }

  private write(t: Type): number {
    const st = this.st;
    const u = t.underlying();
    const size = sizeof(t);
    const words: number[] = [];
    pointerWords(t, 0, words);
    const ptrdata = words.length === 0 ? 0 : (Math.max(...words) + 1) * 8;
    let gcdata = 0;
    let gcOff = -1;
    if (words.length > 0) {
      const nbytes = (Math.max(...words) >>> 3) + 1;
      gcOff = st.reserve(nbytes, 1);
      const m = new Array<number>(nbytes).fill(0);
      for (const w of words) m[w >>> 3] |= 1 << (w & 7);
      m.forEach((b, i) => st.u8at(gcOff + i, b));
      gcdata = gcOff;
    }
    const str = goTypeString(t);
    const strOff = st.stringHeader(str);
    let extra = 0;
    switch (u.tag) {
      case TypeTag.Pointer:
      case TypeTag.Slice:
        extra = 4;
        break;
      case TypeTag.Array:
        extra = 12;
        break;
      case TypeTag.Struct:
        extra = 12;
        break;
    }
    const off = st.reserve(36 + extra, 8);
    st.u32at(off, size);
    st.u32at(off + 4, ptrdata);
    st.u32at(off + 8, fnv1a(str));
    const named = t.tag === TypeTag.Named || (t.tag === TypeTag.Basic && !str.includes(" "));
    const regular = words.length === 0 && u.tag !== TypeTag.Basic ? 8 : 0;
    st.u8at(off + 12, (named ? 4 : 0) | regular);
    st.u8at(off + 13, alignof(t));
    st.u8at(off + 14, alignof(t));
    st.u8at(off + 15, kindOf(t) | (isDirectIface(t) ? DIRECT_IFACE : 0));
    if (gcdata !== 0 || gcOff >= 0) st.addrAt(off + 20, gcOff);
    st.addrAt(off + 24, strOff);
    // Register before writing element references so recursive types terminate.
    this.descOff.set(off, off);
    switch (u.tag) {
      case TypeTag.Pointer:
        this.refAt(off + 36, (u as Pointer).base);
        break;
      case TypeTag.Slice:
        this.refAt(off + 36, (u as Slice).elem);
        break;
      case TypeTag.Array:
        this.refAt(off + 36, (u as ArrayT).elem);
        st.u32at(off + 44, (u as ArrayT).len);
        break;
      case TypeTag.Struct: {
        const s = u as Struct;
        const offs = offsetsof(s);
        const pkg = s.fields.find((f) => !f.exported())?.pkg;
        if (pkg) st.addrAt(off + 36, st.stringHeader(pkg.path));
        st.u32at(off + 40, s.fields.length);
        if (s.fields.length > 0) {
          const fl = st.reserve(24 * s.fields.length, 8);
          st.addrAt(off + 44, fl);
          s.fields.forEach((f, i) => {
            const r = fl + 24 * i;
            st.addrAt(r, st.stringHeader(f.name));
            this.refAt(r + 4, f.type as Type);
            st.u32at(r + 8, offs[i]);
            const tag = s.tags[i] ?? "";
            if (tag !== "") st.addrAt(r + 12, st.stringHeader(tag));
            if (!f.exported() && f.pkg) st.addrAt(r + 16, st.stringHeader(f.pkg.path));
            st.u32at(r + 20, f.embedded ? 1 : 0);
          });
        }
        break;
      }
    }
    return off;
  }

  /** Writes a reference to t's descriptor at statics offset `at` (pointer types of self refer lazily). */
  private pending: { at: number; t: Type }[] = [];
  private refAt(at: number, t: Type): void {
    const k = this.key(t);
    const id = this.byKey.get(k);
    if (id !== undefined && this.offs[id] >= 0) this.st.addrAt(at, this.offs[id]);
    else this.pending.push({ at, t });
  }

  /** Resolves element references to descriptors still being written (recursive types). */
  finish(): void {
    while (this.pending.length > 0) {
      const p = this.pending.shift() as { at: number; t: Type };
      this.st.addrAt(p.at, this.desc(p.t));
    }
  }
}
