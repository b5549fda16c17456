/**
 * typedesc.ts — type descriptors in the statics, laid out per packages/stdlib/TYPEDESC.md:
 * the 36-byte common header (size, ptrdata, hash, tflag/align/fieldAlign/kind, equal, gcdata,
 * str, ptrToThis, uncommon) and the kind-specific part. Done today: header for every kind,
 * Pointer/Slice elem, Array elem+len, Struct fields, Func params, Interface imethods, Chan
 * elem/dir, Map key/elem (the runtime map fields are MAPS' to fill), uncommon records with
 * method records (ifn/tfn function ids patched in finish(), once codegen numbered functions),
 * equal function ids (per comparable type, made by the driver's hooks), and itabs (TYPEDESC
 * §5). Not yet: ptrToThis, method ftyp (0), tfn of promoted methods (0).
 *
 * Functions referenced from the statics (ifn, tfn, equal, itab fun[i]) are requested through
 * `hooks` while a descriptor is written; the driver must call `close()` until it reports no new
 * work BEFORE numbering functions (buildImage), so every requested function is in the image.
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
import { methodSetOf, type MethodSelection } from "../types/methodset.js";
import { Pointer as PointerT, Signature as SignatureT, Tuple as TupleT, Var as VarT } from "../types/index.js";
import type { Chan, Func, MapType, Named, Package, Signature } from "../types/index.js";
import { Unsupported } from "../ir/lower.js";
import { mapDescWords } from "../ir/lowermap.js";
import { goTypeArgSpacing } from "../ir/generics.js";
import type { IrFunc } from "../ir/ir.js";
import type { Statics } from "./statics.js";

/** Functions the descriptors refer to, made by the driver (compile.ts). */
export interface TypeHooks {
  /** the function itabs call for method `sel` of receiver type `recv` (a wrapper when needed) */
  ifn(recv: Type, sel: MethodSelection): IrFunc | null;
  /** the ordinary method (receiver by value of `recv`), null when it needs a wrapper not made yet */
  tfn(recv: Type, sel: MethodSelection): IrFunc | null;
  /** `func(p, q unsafe.Pointer) bool` comparing two values of comparable type t */
  equal(t: Type): IrFunc | null;
}

/** Byte order of strings (UTF-16 code units; equal to UTF-8 byte order outside surrogates). */
function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** TYPEDESC §2 order: exported methods by name, then unexported by name, then package path. */
export function sortMethods<T extends { obj: Func }>(list: readonly T[]): T[] {
  return [...list].sort((x, y) => {
    const ex = x.obj.exported();
    const ey = y.obj.exported();
    if (ex !== ey) return ex ? -1 : 1;
    return cmpStr(x.obj.name, y.obj.name) || cmpStr(x.obj.pkg?.path ?? "", y.obj.pkg?.path ?? "");
  });
}

/** The methods of interface type t in itab order. */
export function ifaceMethods(t: Type): MethodSelection[] {
  return sortMethods(methodSetOf(t).list);
}

/** Index of method (pkg, name) in interface t's itab, or -1. */
export function ifaceMethodIndex(t: Type, m: Func): number {
  return ifaceMethods(t).findIndex((s) => s.obj.sameId(m.pkg, m.name));
}

/** Go's comparability of values of type t (== allowed, no panic for non-interface parts). */
export function comparable(t: Type): boolean {
  const u = t.underlying();
  switch (u.tag) {
    case TypeTag.Slice:
    case TypeTag.Map:
    case TypeTag.Signature:
      return false;
    case TypeTag.Array:
      return comparable((u as ArrayT).elem);
    case TypeTag.Struct:
      return (u as Struct).fields.every((f) => comparable(f.type as Type));
  }
  return true;
}

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

export function isDirectIface(t: Type): boolean {
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

/**
 * Go's %T / reflect.Type.String() spelling (TYPEDESC §4): package *names* as qualifiers,
 * `interface {}`, `struct { X int "tag" }`, []uint8 for []byte, type arguments without spaces.
 */
export function goTypeString(t: Type): string {
  return rtypeString(t, (p) => p.name);
}

const BASIC_NAME: Partial<Record<BasicKind, string>> = { [BasicKind.Uint8]: "uint8", [BasicKind.Int32]: "int32", [BasicKind.UnsafePointer]: "unsafe.Pointer" };

/** reflect's type string with qualifier q for named types' packages. */
export function rtypeString(t: Type, q: (p: Package) => string, seen: Set<Type> = new Set(), local?: (n: Named) => string): string {
  const rs = (x: Type): string => rtypeString(x, q, seen, local);
  switch (t.tag) {
    case TypeTag.Basic: {
      const b = t as Basic;
      return BASIC_NAME[b.kind] ?? b.name;
    }
    case TypeTag.Named: {
      const n = t as Named;
      let base = n.obj.pkg ? `${q(n.obj.pkg)}.${n.obj.name}` : n.obj.name;
      if (local !== undefined) base += local(n);
      return n.targs.length > 0 ? `${base}[${n.targs.map(rs).join(",")}]` : base;
    }
    case TypeTag.Pointer:
      return "*" + rs((t as Pointer).base);
    case TypeTag.Slice:
      return "[]" + rs((t as Slice).elem);
    case TypeTag.Array:
      return `[${(t as ArrayT).len}]` + rs((t as ArrayT).elem);
    case TypeTag.Map:
      return `map[${rs((t as MapType).key)}]${rs((t as MapType).elem)}`;
    case TypeTag.Chan: {
      const c = t as Chan;
      if (c.dir === 1) return "chan<- " + rs(c.elem);
      if (c.dir === 2) return "<-chan " + rs(c.elem);
      const e = c.elem;
      return e.tag === TypeTag.Chan && (e as Chan).dir === 2 ? `chan (${rs(e)})` : "chan " + rs(e);
    }
    case TypeTag.Signature:
      return "func" + sigString(t as Signature, rs);
    case TypeTag.Struct: {
      const st = t as Struct;
      if (st.fields.length === 0) return "struct {}";
      const fs = st.fields.map((f, i) => {
        // identity keys (local given) name embedded fields too: struct{ int } ≠ struct{ Int } (Int = int)
        let s = f.embedded && local === undefined ? rs(f.type as Type) : `${f.embedded ? "=" : ""}${f.name} ${rs(f.type as Type)}`;
        const tag = st.tags[i] ?? "";
        if (tag !== "") s += " " + JSON.stringify(tag);
        return s;
      });
      return `struct { ${fs.join("; ")} }`;
    }
    case TypeTag.Interface: {
      if (seen.has(t)) return "interface { ... }";
      seen.add(t);
      const ms = ifaceMethods(t);
      const r = ms.length === 0 ? "interface {}" : `interface { ${ms.map((m) => m.obj.name + sigString(m.obj.type as Signature, rs)).join("; ")} }`;
      seen.delete(t);
      return r;
    }
  }
  return typeString(t, q);
}

function sigString(sig: Signature, rs: (t: Type) => string): string {
  const ps = sig.params.vars.map((v, i) => {
    const pt = v.type as Type;
    if (sig.variadic && i === sig.params.vars.length - 1) return "..." + rs((pt.underlying() as Slice).elem);
    return rs(pt);
  });
  const rsl = sig.results.vars.map((v) => rs(v.type as Type));
  const res = rsl.length === 0 ? "" : rsl.length === 1 ? " " + rsl[0] : ` (${rsl.join(", ")})`;
  return `(${ps.join(", ")})${res}`;
}

/** Registers types and writes their descriptors into the statics. */
export class TypeTable {
  /** statics offsets, index = type id */
  readonly offs: number[] = [];
  private byKey = new Map<string, number>();
  private descOff = new Map<number, number>();
  /** set by the driver before lowering */
  hooks: TypeHooks | null = null;
  /** function ids to write into the statics once functions are numbered */
  private fnRefs: { at: number; fn: IrFunc }[] = [];
  private funcvals = new Map<IrFunc, number>();

  /**
   * Statics offset of a static func value for fn: the 8-byte closure record {fn index} of a
   * function value that captures nothing (top-level functions, method expressions, literals
   * without free variables), shared by every use as Go's linker shares `f·f` symbols, so taking
   * such a value allocates nothing.
   */
  funcval(fn: IrFunc): number {
    let off = this.funcvals.get(fn);
    if (off === undefined) {
      off = this.st.reserve(8, 8);
      this.fnRefs.push({ at: off, fn });
      this.funcvals.set(fn, off);
    }
    return off;
  }
  /** descriptors whose uncommon methods / equal function are still to be requested */
  private pendingFuncs: { off: number; t: Type }[] = [];
  private pendingMethods: { off: number; t: Type }[] = [];
  private ifaceUsed = new Set<number>();
  private itabs = new Map<string, number>();

  constructor(private readonly st: Statics) {}

  private key(t: Type): string {
    // function-local types print like package-level ones ("main.T") but are distinct types
    return rtypeString(t, (p) => p.path, new Set(), (n) => this.localTag(n));
  }
  private localIds = new Map<Named, number>();
  private localTag(n: Named): string {
    const o = n.obj;
    if (o.pkg === null || o.parent === null || o.parent === o.pkg.scope) return "";
    let id = this.localIds.get(n);
    if (id === undefined) this.localIds.set(n, (id = this.localIds.size + 1));
    return `·${id}`;
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
      case TypeTag.Struct:
      case TypeTag.Interface:
        extra = 12;
        break;
      case TypeTag.Chan:
      case TypeTag.Signature:
        extra = 8;
        break;
      case TypeTag.Map:
        extra = 24;
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
    this.pendingFuncs.push({ off, t });
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
      case TypeTag.Chan: {
        const c = u as Chan;
        this.refAt(off + 36, c.elem);
        st.u32at(off + 40, c.dir === 1 ? 2 : c.dir === 2 ? 1 : 3);
        break;
      }
      case TypeTag.Map: {
        this.refAt(off + 36, (u as MapType).key);
        this.refAt(off + 40, (u as MapType).elem);
        const mw = mapDescWords(u as MapType); // lowermap.ts; bucket and hasher stay 0 (runtime-made)
        st.u8at(off + 52, mw.keysize);
        st.u8at(off + 53, mw.valuesize);
        st.u16at(off + 54, mw.bucketsize);
        st.u32at(off + 56, mw.flags);
        break;
      }
      case TypeTag.Signature: {
        const sig = u as Signature;
        const ps = [...sig.params.vars, ...sig.results.vars].map((v) => v.type as Type);
        st.u16at(off + 36, sig.params.vars.length);
        st.u16at(off + 38, sig.results.vars.length | (sig.variadic ? 0x8000 : 0));
        if (ps.length > 0) {
          const pl = st.reserve(4 * ps.length, 4);
          st.addrAt(off + 40, pl);
          ps.forEach((p, i) => this.refAt(pl + 4 * i, p));
        }
        break;
      }
      case TypeTag.Interface: {
        const ms = ifaceMethods(u);
        const pkg = ms.find((m) => !m.obj.exported())?.obj.pkg;
        if (pkg) st.addrAt(off + 36, st.stringHeader(pkg.path));
        st.u32at(off + 40, ms.length);
        if (ms.length > 0) {
          const ml = st.reserve(12 * ms.length, 4);
          st.addrAt(off + 44, ml);
          ms.forEach((m, i) => {
            st.addrAt(ml + 12 * i, st.stringHeader(m.obj.name));
            if (!m.obj.exported() && m.obj.pkg) st.addrAt(ml + 12 * i + 4, st.stringHeader(m.obj.pkg.path));
            this.refAt(ml + 12 * i + 8, m.obj.type as Type);
          });
        }
        break;
      }
    }
    this.writeUncommon(t, off);
    return off;
  }

  /** The uncommon record (TYPEDESC §2) of t at descriptor off, when t is named or has methods. */
  private writeUncommon(t: Type, off: number): void {
    const st = this.st;
    const named = t.tag === TypeTag.Named ? (t as Named) : null;
    const isIface = t.underlying().tag === TypeTag.Interface;
    const ms = isIface ? [] : sortMethods(methodSetOf(t).list);
    const basicName = t.tag === TypeTag.Basic ? goTypeString(t) : null;
    if (named === null && basicName === null && ms.length === 0) return;
    const uc = st.reserve(16 + 24 * ms.length, 8);
    st.addrAt(off + 32, uc);
    st.u8at(off + 12, st.u8of(off + 12) | 1);
    if (named !== null) {
      if (named.obj.pkg) st.addrAt(uc, st.stringHeader(named.obj.pkg.path));
      const nm = goTypeString(t);
      const dot = named.obj.pkg ? nm.indexOf(".") : -1;
      st.addrAt(uc + 4, st.stringHeader(dot >= 0 && !nm.slice(0, dot).includes("[") ? nm.slice(dot + 1) : nm));
    } else if (basicName !== null) st.addrAt(uc + 4, st.stringHeader(basicName === "unsafe.Pointer" ? "Pointer" : basicName));
    st.u16at(uc + 8, ms.length);
    st.u16at(uc + 10, ms.filter((m) => m.obj.exported()).length);
    if (ms.length === 0) return;
    const ml = uc + 16;
    st.addrAt(uc + 12, ml);
    ms.forEach((m, i) => {
      const r = ml + 24 * i;
      st.addrAt(r, st.stringHeader(m.obj.name));
      if (!m.obj.exported() && m.obj.pkg) st.addrAt(r + 4, st.stringHeader(m.obj.pkg.path));
      const sig = m.obj.type as Signature;
      this.refAt(r + 8, sig);
      // ftyp: the receiver (of this type) as the first parameter
      const ftyp = new SignatureT(null, new TupleT([new VarT(0, null, "", t), ...sig.params.vars]), sig.results, sig.variadic);
      this.refAt(r + 12, ftyp);
    });
  }

  /**
   * Asks the hooks for the functions descriptors written since the last call refer to (method
   * ifn/tfn of types marked by markIface, equal). Returns true if it did anything (the hooks may have lowered functions that
   * registered more types: call again until false). Also resolves pending element references.
   */
  close(): boolean {
    let did = false;
    for (;;) {
      this.finish();
      const work = this.pendingFuncs;
      const mwork = this.pendingMethods;
      if (work.length === 0 && mwork.length === 0) return did;
      did = true;
      this.pendingFuncs = [];
      this.pendingMethods = [];
      for (const { off, t } of work) this.requestFuncs(off, t);
      for (const { off, t } of mwork) this.requestMethods(off, t);
    }
  }

  private requestFuncs(off: number, t: Type): void {
    const h = this.hooks;
    if (h === null) return;
    if (comparable(t)) {
      const eq = h.equal(t);
      if (eq !== null) this.fnRefs.push({ at: off + 16, fn: eq });
    }
  }

  /**
   * Marks t as stored in interfaces: its methods (ifn/tfn) are requested, and so are those of
   * the types reachable from its descriptor (reflect can reach them: Elem, Field, ...). Types
   * never marked keep ifn = tfn = 0 (TYPEDESC §2: dropped as unreachable), so a program does
   * not pull in every method of every type it merely allocates.
   */
  markIface(t: Type): void {
    const off = this.desc(t);
    if (this.ifaceUsed.has(off)) return;
    this.ifaceUsed.add(off);
    this.pendingMethods.push({ off, t });
  }

  private requestMethods(off: number, t: Type): void {
    const u = t.underlying();
    switch (u.tag) {
      case TypeTag.Pointer:
        this.markIface((u as Pointer).base);
        break;
      case TypeTag.Slice:
        this.markIface((u as Slice).elem);
        break;
      case TypeTag.Array:
        this.markIface((u as ArrayT).elem);
        break;
      case TypeTag.Chan:
        this.markIface((u as Chan).elem);
        break;
      case TypeTag.Map:
        this.markIface((u as MapType).key);
        this.markIface((u as MapType).elem);
        break;
      case TypeTag.Struct:
        for (const f of (u as Struct).fields) this.markIface(f.type as Type);
        break;
    }
    if (t.tag === TypeTag.Named && u.tag !== TypeTag.Interface && u.tag !== TypeTag.Pointer && methodSetOf(new PointerT(t)).len() > 0) {
      // ptrToThis: reflect.PointerTo(T) then finds *T with its method table (all methods)
      const pt = new PointerT(t);
      if (this.st.u32of(off + 28) === 0) this.st.addrAt(off + 28, this.desc(pt));
      this.markIface(pt);
    }
    const h = this.hooks;
    if (h === null || u.tag === TypeTag.Interface) return;
    const ms = sortMethods(methodSetOf(t).list);
    if (ms.length === 0) return;
    const st = this.st;
    const ml = st.u32of(st.u32of(off + 32) + 12);
    ms.forEach((m, i) => {
      const r = ml + 24 * i;
      const ifn = h.ifn(t, m);
      if (ifn !== null) this.fnRefs.push({ at: r + 16, fn: ifn });
      const tfn = h.tfn(t, m);
      if (tfn !== null) this.fnRefs.push({ at: r + 20, fn: tfn });
    });
  }

  /**
   * Statics offset of the itab for interface type iface and concrete type t (TYPEDESC §5),
   * written on first use; fun[i] is patched with the ifn of iface's i-th method.
   */
  itab(iface: Type, t: Type): number {
    const k = this.key(iface) + "\u0000" + this.key(t);
    let off = this.itabs.get(k);
    if (off !== undefined) return off;
    this.markIface(t);
    const ms = ifaceMethods(iface);
    const st = this.st;
    off = st.reserve(16 + 4 * ms.length, 8);
    this.itabs.set(k, off);
    st.addrAt(off, this.desc(iface));
    const td = this.desc(t);
    st.addrAt(off + 4, td);
    st.u32at(off + 8, st.u32of(td + 8));
    const tms = methodSetOf(t);
    const h = this.hooks;
    ms.forEach((m, i) => {
      const sel = tms.lookup(m.obj.pkg, m.obj.name);
      if (sel === null) throw new Error(`internal: ${goTypeString(t)} does not implement ${goTypeString(iface)} (${m.obj.name})`);
      const fn = h !== null ? h.ifn(t, sel) : null;
      if (fn === null) throw new Unsupported(0, `method ${m.obj.name} of ${goTypeString(t)} through an interface`);
      this.fnRefs.push({ at: off + 16 + 4 * i, fn });
    });
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

  /**
   * Resolves element references to descriptors still being written (recursive types), and,
   * once functions are numbered (buildImage), writes the function ids descriptors refer to.
   */
  finish(): void {
    while (this.pending.length > 0) {
      const p = this.pending.shift() as { at: number; t: Type };
      this.st.addrAt(p.at, this.desc(p.t));
    }
    for (const r of this.fnRefs) if (r.fn.index >= 0) this.st.u32at(r.at, r.fn.index);
  }
}
