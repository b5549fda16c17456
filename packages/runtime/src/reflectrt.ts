/**
 * reflectrt.ts — the runtime side of package reflect (Go's reflect-linked functions in
 * runtime/malloc.go, mbarrier.go, slice.go, iface.go, type.go; written afresh): the body-less
 * declarations of packages/stdlib/go/reflect/natives.go other than maps and channels (map.ts,
 * chan.ts), per packages/stdlib/NATIVES.md "reflect".
 *
 * Provided: unsafe_New, unsafe_NewArray, typedmemmove, typedmemclr, typedslicecopy, growslice,
 * ptrTo, sliceOf, arrayOf, mapOf, chanOf, funcOf, structOf, ifaceE2I, and rselect (rselectNative,
 * added by proc.ts with the scheduler's Selects). Descriptors the image lacks (`*T` when T.ptrToThis is 0, `[]T`)
 * are looked up among the image's own descriptors first (one descriptor per type: reflect
 * compares types by address), else built once in persistent memory and cached (TYPEDESC.md
 * layouts; str as Go prints it; equality taken from an existing descriptor of the same kind).
 *
 * Calls (packages/stdlib/go/reflect/HACKING.md "Calls"): Value.Call is plain Go (a func value
 * called through a fixed-width slot signature; storeRets stores the result words with no safe
 * point after the call). MakeFunc's closure records run the native makeFuncTramp, which pushes a
 * frame of the Go function reflect.callReflect holding the record and the caller's argument
 * slots and asks the loop to continue at its entry (VM.enterPc, read by CALLI's native path);
 * makeFuncRet, called by callReflect before it returns, stores the result words in the slots of
 * callReflect's caller (found as RET finds them: the C operand of the call instruction before
 * the caller's saved pc). Reflect method values run methodValueTramp, which pushes the method's
 * own frame the same way. callReflect/callReflectSlots are marked FN_WRAPPER on first use so
 * recover() sees through them (markBridgeWrappers).
 *
 * Calling convention (vm/interp.ts NativeFn): args/res are byte addresses of slots; a struct
 * parameter (sliceHeader) is one slot holding the address of a copy; a struct result is one
 * slot holding the address of a fresh heap object the native allocates.
 */

import { MAX_ALLOC } from "./malloc.js";
import type { Heap } from "./malloc.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { Itabs } from "./iface.js";
import { nextslicecap } from "./slice.js";
import { roundupsize } from "./malloc.js";
import { ZEROBASE } from "./mem.js";
import { KIND_DIRECT_IFACE, KIND_STRUCT, TD_PTRDATA, TD_SIZE, TD_STR, TypeBuilder } from "./typedesc.js";
import type { NativeFn, VM } from "./vm/interp.js";
import { PK_PLAIN, plainErrorId } from "./vm/panic.js";
import { FR_LINK, FR_PC, STK_FP } from "./stack.js";
import { G_CTX } from "./vm/g.js";
import { FT_ENTRY, FT_FLAGS, FT_FRAMESIZE, FT_WORDS } from "./vm/loader.js";
import { FN_WRAPPER } from "./image/format.js";
import type { Selects } from "./select.js";
import { CH_DONE } from "./chan.js";

const TD_HASH = 8;
const TD_KIND = 15;
const TD_EQUAL = 16;
const TD_GCDATA = 20;
const TD_PTRTOTHIS = 28;
const TD_ELEM = 36;
const KIND_MASK = 0x1f;
const KIND_PTR = 22;
const KIND_SLICE = 23;
const KIND_ARRAY = 17;
const KIND_CHAN = 18;
const KIND_FUNC = 19;
const KIND_INTERFACE = 20;
const KIND_MAP = 21;

const E_NEWARRAY = plainErrorId("reflect: unsafe_NewArray: size out of range");
const E_GROWSLICE = plainErrorId("reflect.Value.Grow: slice overflow");

/** Per-runtime state: caches of built descriptors and the itab table. */
class ReflectRT {
  private readonly ptrTos = new Map<number, number>();
  private readonly sliceOfs = new Map<number, number>();
  private readonly arrayOfs = new Map<string, number>();
  /** mapOf/chanOf/funcOf/structOf results by a key of their arguments. */
  private readonly built = new Map<string, number>();
  private hdrType = 0;
  private itabs: Itabs | null = null;
  private builder: TypeBuilder | null = null;

  constructor(private readonly vm: VM) {}

  get heap(): Heap {
    return this.vm.heap;
  }

  itabTable(): Itabs {
    return (this.itabs ??= new Itabs(this.vm));
  }

  /** Descriptor of reflect.sliceHeader {Data unsafe.Pointer; Len, Cap int}. */
  sliceHeaderType(): number {
    if (this.hdrType === 0) this.hdrType = this.types().make(24, [0], KIND_STRUCT);
    return this.hdrType;
  }

  private types(): TypeBuilder {
    return (this.builder ??= new TypeBuilder(this.heap.mem, this.heap.mheap, ST_OTHER_SYS));
  }

  /** The image's descriptor of kind `kind` whose elem is `elem`, or 0. */
  private findInImage(kind: number, elem: number): number {
    const u32 = this.heap.mem.u32;
    for (const t of this.vm.image.typeAddrs) {
      if ((this.heap.mem.u8[t + TD_KIND] & KIND_MASK) === kind && u32[(t + TD_ELEM) >>> 2] === elem) return t;
    }
    return 0;
  }

  /** An equal function id used by some descriptor of this kind in the image (0 if none). */
  private equalOfKind(kind: number): number {
    const mem = this.heap.mem;
    for (const t of this.vm.image.typeAddrs)
      if ((mem.u8[t + TD_KIND] & KIND_MASK) === kind && mem.u32[(t + TD_EQUAL) >>> 2] !== 0) return mem.u32[(t + TD_EQUAL) >>> 2];
    return 0;
  }

  /** A string header in persistent memory for s. */
  private staticString(s: string): number {
    const b = new TextEncoder().encode(s);
    const mh = this.heap.mheap;
    const data = b.length > 0 ? mh.persistentAlloc(b.length, 1, ST_OTHER_SYS) : 0;
    const hdr = mh.persistentAlloc(16, 8, ST_OTHER_SYS);
    const mem = this.heap.mem;
    if (b.length > 0) mem.u8.set(b, data);
    mem.u32[hdr >>> 2] = data;
    mem.u32[(hdr >>> 2) + 1] = 0;
    mem.i64[(hdr + 8) >>> 3] = BigInt(b.length);
    return hdr;
  }

  private typeStr(t: number): string {
    const mem = this.heap.mem;
    const h = mem.u32[(t + TD_STR) >>> 2];
    if (h === 0) return "";
    const p = mem.u32[h >>> 2];
    const n = Number(mem.i64[(h + 8) >>> 3]);
    return new TextDecoder().decode(mem.u8.subarray(p, p + n));
  }

  /**
   * A descriptor (header + uncommon 0 + elem, plus `extra` kind-specific bytes zeroed) whose
   * pointer words are `ptrWords` (default: word 0).
   */
  private build(kind: number, elem: number, size: number, str: string, equal: number, direct: boolean, extra = 0, ptrWords: readonly number[] = [0], align = 8): number {
    const mh = this.heap.mheap;
    const t = mh.persistentAlloc(40 + extra, 8, ST_OTHER_SYS);
    const nw = ptrWords.length === 0 ? 0 : ptrWords[ptrWords.length - 1] + 1;
    const gcdata = nw === 0 ? 0 : mh.persistentAlloc((nw + 7) >>> 3, 1, ST_OTHER_SYS);
    const strHdr = this.staticString(str);
    const mem = this.heap.mem;
    const u32 = mem.u32;
    mem.u8.fill(0, t, t + 40 + extra);
    for (const w of ptrWords) mem.u8[gcdata + (w >>> 3)] |= 1 << (w & 7);
    u32[(t + TD_SIZE) >>> 2] = size;
    u32[(t + TD_PTRDATA) >>> 2] = nw * 8;
    // FNV-1a of the type string, as the compiler hashes descriptors
    let h = 0x811c9dc5;
    for (const c of new TextEncoder().encode(str)) h = Math.imul(h ^ c, 0x01000193) >>> 0;
    u32[(t + TD_HASH) >>> 2] = h;
    mem.u8[t + 12] = 0;
    mem.u8[t + 13] = align;
    mem.u8[t + 14] = align;
    mem.u8[t + TD_KIND] = kind | (direct ? KIND_DIRECT_IFACE : 0);
    u32[(t + TD_EQUAL) >>> 2] = equal;
    u32[(t + TD_GCDATA) >>> 2] = gcdata;
    u32[(t + TD_STR) >>> 2] = strHdr;
    u32[(t + TD_PTRTOTHIS) >>> 2] = 0;
    u32[(t + 32) >>> 2] = 0;
    u32[(t + TD_ELEM) >>> 2] = elem;
    return t;
  }

  ptrTo(t: number): number {
    const u32 = this.heap.mem.u32;
    const own = u32[(t + TD_PTRTOTHIS) >>> 2];
    if (own !== 0) return own;
    let p = this.ptrTos.get(t) ?? this.findInImage(KIND_PTR, t);
    if (p === 0) p = this.build(KIND_PTR, t, 8, `*${this.typeStr(t)}`, this.equalOfKind(KIND_PTR), true);
    this.ptrTos.set(t, p);
    return p;
  }

  sliceOf(t: number): number {
    let s = this.sliceOfs.get(t) ?? this.findInImage(KIND_SLICE, t);
    if (s === 0) s = this.build(KIND_SLICE, t, 24, `[]${this.typeStr(t)}`, 0, false);
    this.sliceOfs.set(t, s);
    return s;
  }

  /** `[n]elem`: the image's descriptor when it has one, else built (ArrayOf validated n and the size in Go). */
  arrayOf(n: number, elem: number): number {
    const mem = this.heap.mem;
    const u32 = mem.u32;
    for (const t of this.vm.image.typeAddrs)
      if ((mem.u8[t + TD_KIND] & KIND_MASK) === KIND_ARRAY && u32[(t + TD_ELEM) >>> 2] === elem && u32[(t + 44) >>> 2] === n) return t;
    const key = `${n}:${elem}`;
    const got = this.arrayOfs.get(key);
    if (got !== undefined) return got;
    const esize = u32[(elem + TD_SIZE) >>> 2];
    const eptr = u32[(elem + TD_PTRDATA) >>> 2] >>> 3;
    const emask = u32[(elem + TD_GCDATA) >>> 2];
    const words: number[] = [];
    for (let i = 0; i < n && eptr > 0; i++)
      for (let w = 0; w < eptr; w++) if ((mem.u8[emask + (w >>> 3)] >>> (w & 7)) & 1) words.push((i * esize) / 8 + w);
    const direct = n === 1 && (mem.u8[elem + TD_KIND] & KIND_DIRECT_IFACE) !== 0;
    // equality of a built array type would need a generated function: such arrays compare as
    // not comparable (reflect-made array types are rare; the image's own types are found above)
    const t = this.build(KIND_ARRAY, elem, n * esize, `[${n}]${this.typeStr(elem)}`, 0, direct, 8, words, mem.u8[elem + 13]);
    const w = this.heap.mem.u32;
    w[(t + 40) >>> 2] = this.sliceOf(elem);
    w[(t + 44) >>> 2] = n;
    this.arrayOfs.set(key, t);
    return t;
  }

  /** Reads the Go string whose (ptr, len) words are at address h. */
  goStringAt(h: number): string {
    const mem = this.heap.mem;
    const p = mem.u32[h >>> 2];
    const n = Number(mem.i64[(h + 8) >>> 3]);
    return n === 0 ? "" : new TextDecoder().decode(mem.u8.subarray(p, p + n));
  }

  /** `map[key]elem`: key/elem only matter to map.ts; the other words follow lowermap.ts mapDescWords. */
  mapOf(key: number, elem: number): number {
    const mem = this.heap.mem;
    const u32 = mem.u32;
    for (const t of this.vm.image.typeAddrs)
      if ((mem.u8[t + TD_KIND] & KIND_MASK) === KIND_MAP && u32[(t + 36) >>> 2] === key && u32[(t + 40) >>> 2] === elem) return t;
    const cacheKey = `m${key}:${elem}`;
    const got = this.built.get(cacheKey);
    if (got !== undefined) return got;
    const ks0 = u32[(key + TD_SIZE) >>> 2];
    const es0 = u32[(elem + TD_SIZE) >>> 2];
    const keysize = ks0 > 128 ? 8 : ks0;
    const valuesize = es0 > 128 ? 8 : es0;
    let reflexive = true;
    let update = false;
    let panics = false;
    const walk = (t: number): void => {
      const k = mem.u8[t + TD_KIND] & KIND_MASK;
      if (k === KIND_INTERFACE) {
        reflexive = false;
        update = true;
        panics = true;
      } else if (k === KIND_STRUCT) {
        const n = mem.u32[(t + 40) >>> 2];
        const f = mem.u32[(t + 44) >>> 2];
        for (let i = 0; i < n; i++) walk(mem.u32[(f + i * 24 + 4) >>> 2]);
      } else if (k === KIND_ARRAY) walk(mem.u32[(t + TD_ELEM) >>> 2]);
      else if (k >= 13 && k <= 16) {
        reflexive = false;
        update = true;
      } else if (k === 24) update = true;
    };
    walk(key);
    const t = this.build(KIND_MAP, key, 8, `map[${this.typeStr(key)}]${this.typeStr(elem)}`, 0, true, 24);
    const w = this.heap.mem;
    w.u32[(t + 40) >>> 2] = elem;
    w.u8[t + 52] = keysize;
    w.u8[t + 53] = valuesize;
    w.u16[(t + 54) >>> 1] = ((8 + 8 * keysize + 8 * valuesize + 7) & ~7) + 8;
    w.u32[(t + 56) >>> 2] = (ks0 > 128 ? 1 : 0) | (es0 > 128 ? 2 : 0) | (reflexive ? 4 : 0) | (update ? 8 : 0) | (panics ? 16 : 0);
    this.built.set(cacheKey, t);
    return t;
  }

  /** `chan elem` with direction dir (1 recv, 2 send, 3 both). */
  chanOf(dir: number, elem: number): number {
    const mem = this.heap.mem;
    const u32 = mem.u32;
    for (const t of this.vm.image.typeAddrs)
      if ((mem.u8[t + TD_KIND] & KIND_MASK) === KIND_CHAN && u32[(t + 36) >>> 2] === elem && u32[(t + 40) >>> 2] === dir) return t;
    const cacheKey = `c${dir}:${elem}`;
    const got = this.built.get(cacheKey);
    if (got !== undefined) return got;
    const es = this.typeStr(elem);
    const recvElem = (mem.u8[elem + TD_KIND] & KIND_MASK) === KIND_CHAN && u32[(elem + 40) >>> 2] === 1;
    const str = dir === 1 ? `<-chan ${es}` : dir === 2 ? `chan<- ${es}` : recvElem ? `chan (${es})` : `chan ${es}`;
    const t = this.build(KIND_CHAN, elem, 8, str, this.equalOfKind(KIND_CHAN) || this.equalOfKind(KIND_PTR), true, 8);
    this.heap.mem.u32[(t + 40) >>> 2] = dir;
    this.built.set(cacheKey, t);
    return t;
  }

  /** `func(in...) (out...)`. */
  funcOf(ins: number[], outs: number[], variadic: boolean): number {
    const mem = this.heap.mem;
    const u32 = mem.u32;
    const same = (t: number): boolean => {
      if ((mem.u8[t + TD_KIND] & KIND_MASK) !== KIND_FUNC) return false;
      const ni = mem.u16[(t + 36) >>> 1];
      const no = mem.u16[(t + 38) >>> 1];
      if (ni !== ins.length || (no & 0x7fff) !== outs.length || (no >>> 15 === 1) !== variadic) return false;
      const p = u32[(t + 40) >>> 2];
      for (let i = 0; i < ins.length; i++) if (u32[(p >>> 2) + i] !== ins[i]) return false;
      for (let i = 0; i < outs.length; i++) if (u32[(p >>> 2) + ins.length + i] !== outs[i]) return false;
      return true;
    };
    for (const t of this.vm.image.typeAddrs) if (same(t)) return t;
    const cacheKey = `f${variadic ? 1 : 0}:${ins.join(",")}:${outs.join(",")}`;
    const got = this.built.get(cacheKey);
    if (got !== undefined) return got;
    const inStr = ins.map((t, i) => (variadic && i === ins.length - 1 ? `...${this.typeStr(u32[(t + TD_ELEM) >>> 2])}` : this.typeStr(t)));
    let str = `func(${inStr.join(", ")})`;
    if (outs.length === 1) str += ` ${this.typeStr(outs[0])}`;
    else if (outs.length > 1) str += ` (${outs.map((t) => this.typeStr(t)).join(", ")})`;
    const n = ins.length + outs.length;
    const params = n === 0 ? 0 : this.heap.mheap.persistentAlloc(n * 4, 4, ST_OTHER_SYS);
    const t = this.build(KIND_FUNC, 0, 8, str, 0, true, 8);
    const w = this.heap.mem;
    for (let i = 0; i < ins.length; i++) w.u32[(params >>> 2) + i] = ins[i];
    for (let i = 0; i < outs.length; i++) w.u32[(params >>> 2) + ins.length + i] = outs[i];
    w.u16[(t + 36) >>> 1] = ins.length;
    w.u16[(t + 38) >>> 1] = outs.length | (variadic ? 0x8000 : 0);
    w.u32[(t + 40) >>> 2] = params;
    this.built.set(cacheKey, t);
    return t;
  }

  /**
   * A struct type from StructOf's layout (field records per TYPEDESC.md). The built type has no
   * equal function (not comparable through ==/interfaces; map keys use map.ts's own algorithm).
   */
  structOf(str: string, names: string[], tags: string[], pkgs: string[], types: number[], offsets: number[], embedded: boolean[], size: number, align: number): number {
    const got = this.built.get(`s${str}`);
    if (got !== undefined) return got;
    const mem0 = this.heap.mem;
    for (const t of this.vm.image.typeAddrs)
      if ((mem0.u8[t + TD_KIND] & KIND_MASK) === KIND_STRUCT && mem0.u32[(t + 32) >>> 2] === 0 && this.typeStr(t) === str) return t;
    const words: number[] = [];
    for (let i = 0; i < types.length; i++) {
      const ft = types[i];
      const nw = mem0.u32[(ft + TD_PTRDATA) >>> 2] >>> 3;
      const mask = mem0.u32[(ft + TD_GCDATA) >>> 2];
      for (let w = 0; w < nw; w++) if ((mem0.u8[mask + (w >>> 3)] >>> (w & 7)) & 1) words.push(offsets[i] / 8 + w);
    }
    const direct = types.length === 1 && (mem0.u8[types[0] + TD_KIND] & KIND_DIRECT_IFACE) !== 0;
    const refs = (s: string): number => (s === "" ? 0 : this.staticString(s));
    const nameRefs = names.map((s) => this.staticString(s));
    const tagRefs = tags.map(refs);
    const pkgRefs = pkgs.map(refs);
    const fields = types.length === 0 ? 0 : this.heap.mheap.persistentAlloc(24 * types.length, 8, ST_OTHER_SYS);
    const t = this.build(KIND_STRUCT, 0, size, str, 0, direct, 8, words, align);
    const u32 = this.heap.mem.u32;
    u32[(t + 36) >>> 2] = 0;
    u32[(t + 40) >>> 2] = types.length;
    u32[(t + 44) >>> 2] = fields;
    for (let i = 0; i < types.length; i++) {
      const f = (fields >>> 2) + i * 6;
      u32[f] = nameRefs[i];
      u32[f + 1] = types[i];
      u32[f + 2] = offsets[i];
      u32[f + 3] = tagRefs[i];
      u32[f + 4] = pkgRefs[i];
      u32[f + 5] = embedded[i] ? 1 : 0;
    }
    this.built.set(`s${str}`, t);
    return t;
  }

  /** Copies n bytes of values of type t from src to dst (overlap allowed) with write barriers. */
  typedCopy(t: number, dst: number, src: number, count: number): void {
    const mem = this.heap.mem;
    const size = mem.u32[(t + TD_SIZE) >>> 2];
    if (count === 0 || size === 0 || dst === src) return;
    const barrier = this.vm.barrier;
    if (barrier === null || mem.u32[(t + TD_PTRDATA) >>> 2] === 0) {
      mem.move(dst, src, count * size);
      return;
    }
    // element by element in the direction that is safe for overlapping ranges
    if (dst < src) for (let i = 0; i < count; i++) barrier.typedmemmove(t, dst + i * size, src + i * size);
    else for (let i = count - 1; i >= 0; i--) barrier.typedmemmove(t, dst + i * size, src + i * size);
  }
}

function ptrArg(vm: VM, at: number): number {
  return vm.heap.mem.u32[at >>> 2];
}
function intArg(vm: VM, at: number): number {
  return Number(vm.heap.mem.i64[at >>> 3]);
}
/** The elements of the []*rtype / []uintptr slice whose 3 slots start at `at` (low words). */
function ptrSlice(vm: VM, at: number): number[] {
  const mem = vm.heap.mem;
  const p = mem.u32[at >>> 2];
  const n = Number(mem.i64[(at + 8) >>> 3]);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(mem.u32[(p + i * 8) >>> 2]);
  return out;
}
/** The elements of the []string whose 3 slots start at `at`. */
function stringSlice(vm: VM, at: number): string[] {
  const mem = vm.heap.mem;
  const p = mem.u32[at >>> 2];
  const n = Number(mem.i64[(at + 8) >>> 3]);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = mem.u32[(p + i * 16) >>> 2];
    const len = Number(mem.i64[(p + i * 16 + 8) >>> 3]);
    out.push(len === 0 ? "" : new TextDecoder().decode(mem.u8.slice(d, d + len)));
  }
  return out;
}
function putPtr(vm: VM, at: number, p: number): void {
  const u32 = vm.heap.mem.u32;
  u32[at >>> 2] = p;
  u32[(at >>> 2) + 1] = 0;
}

// makeFuncImpl (reflect/call.go) word offsets
const MF_ENTRY = 8;
const MF_NIN = 16;

/**
 * The code of a MakeFunc closure record, reached only through CALLI (which saved the record in
 * G_CTX): pushes a reflect.callReflect frame with slot 0 = the record and slots 1.. = the
 * caller's `nin` argument slots (args), then sets vm.enterPc so the loop continues at its entry.
 * callReflect's RET returns to the caller's saved pc, after its call instruction.
 */
function makeFuncTramp(vm: VM, g: number, args: number): void {
  enterCallReflect(vm, g, args, vm.heap.mem.u32[(g + G_CTX) >>> 2]);
}

const bridgesMarked = new WeakSet<VM>();

/**
 * Marks reflect's bridge functions (callReflect, callReflectSlots) FN_WRAPPER in the image, once
 * per VM: recover() then sees through them as Go's sees through makeFuncStub/callReflect, so
 * the function given to MakeFunc recovers when its func value is the deferred call (and only
 * then: a frame of ordinary code between stops the walk, vm/defer.ts gorecover).
 */
function markBridgeWrappers(vm: VM): void {
  if (bridgesMarked.has(vm)) return;
  bridgesMarked.add(vm);
  const funcs = vm.image.img.funcs;
  const u32 = vm.heap.mem.u32;
  for (let i = 0; i < funcs.length; i++) {
    const name = funcs[i].name;
    if (name === "reflect.callReflect" || name === "reflect.callReflectSlots") {
      funcs[i].flags |= FN_WRAPPER;
      u32[vm.image.funcTab + i * FT_WORDS + FT_FLAGS] |= FN_WRAPPER;
    }
  }
}

/** makeFuncTramp's work for record impl (also methodValueTramp's fallback). */
function enterCallReflect(vm: VM, g: number, args: number, impl: number): void {
  markBridgeWrappers(vm);
  const u32 = vm.heap.mem.u32;
  const entry = u32[(impl + MF_ENTRY) >>> 2];
  pushCallFrame(vm, g, args, entry, impl, u32[(impl + MF_NIN) >>> 2]);
}

/**
 * Pushes a frame of function fn whose slot 0 is `first` and slots 1.. are the caller's `nin`
 * argument slots (at `args`), and makes the loop continue at fn's entry (VM.enterPc).
 */
function pushCallFrame(vm: VM, g: number, args: number, fn: number, first: number, nin: number): void {
  const callerFp = vm.heap.mem.u32[(g + STK_FP) >>> 2];
  const argOff = args - callerFp; // the stack may move while the frame is pushed
  const ft = vm.image.funcTab + fn * FT_WORDS;
  const fp = vm.heap.stacks.pushFrame(g, fn, 0, vm.heap.mem.u32[ft + FT_FRAMESIZE]);
  const mem = vm.heap.mem;
  const u32 = mem.u32;
  const src = (u32[(fp + FR_LINK) >>> 2] + argOff) >>> 2;
  const dst = (fp + 16) >>> 2;
  u32[dst] = first;
  u32[dst + 1] = 0;
  mem.i32.copyWithin(dst + 2, src, src + 2 * nin);
  vm.enterPc = u32[ft + FT_ENTRY];
}

// methodValueImpl (reflect/call.go) word offsets
const MV_TARGET = 8;
const MV_ADDR = 16;
const MV_NIN = 32;
const MV_MODE = 40;
const MV_INDEX = 48;
const MV_FALLBACK = 56;
const FN_NATIVE_FLAG = 4; // image/format.ts FN_NATIVE

/**
 * The code of a reflect method value record: pushes the method's own frame (its ifn, receiver =
 * the interface data word, read now) with the caller's argument slots, so the method returns
 * straight to the caller; falls back to the record's MakeFunc closure for native or missing
 * targets and nil interfaces (whose Go path panics as Go does).
 */
function methodValueTramp(vm: VM, g: number, args: number): void {
  const u32 = vm.heap.mem.u32;
  const rec = u32[(g + G_CTX) >>> 2];
  const addr = u32[(rec + MV_ADDR) >>> 2];
  let target = u32[(rec + MV_TARGET) >>> 2];
  let word = 0;
  switch (u32[(rec + MV_MODE) >>> 2]) {
    case 0:
      word = u32[addr >>> 2];
      break;
    case 1: {
      const itab = u32[addr >>> 2];
      target = itab === 0 ? 0 : u32[(itab + 16 + 4 * u32[(rec + MV_INDEX) >>> 2]) >>> 2];
      word = u32[(addr + 8) >>> 2];
      break;
    }
    default:
      word = addr;
  }
  if (target === 0 || (u32[vm.image.funcTab + target * FT_WORDS + FT_FLAGS] & FN_NATIVE_FLAG) !== 0) {
    enterCallReflect(vm, g, args, u32[(rec + MV_FALLBACK) >>> 2]);
    return;
  }
  pushCallFrame(vm, g, args, target, word, u32[(rec + MV_NIN) >>> 2]);
}

/**
 * makeFuncRet(r *[64]uintptr, n int, keep): copies n words from r to the result slots of the
 * caller of the current frame (a callReflect frame): the slots start at the C operand of the
 * call instruction that precedes the caller's saved pc, as RET computes them.
 */
function makeFuncRet(vm: VM, g: number, args: number): void {
  const mem = vm.heap.mem;
  const u32 = mem.u32;
  const r = ptrArg(vm, args);
  const n = intArg(vm, args + 8);
  const fp = u32[(g + STK_FP) >>> 2];
  const link = u32[(fp + FR_LINK) >>> 2];
  const rpc = u32[(link + FR_PC) >>> 2];
  const c = mem.i32[rpc - 1];
  const d = (link + 16 + c * 8) >>> 2;
  mem.i32.copyWithin(d, r >>> 2, (r >>> 2) + 2 * n);
}

// retDesc (reflect/call.go): n int at +0, dst [64]unsafe.Pointer at +8, code [64]uint8 at +520
const RD_DST = 8;
const RD_CODE = 8 + 64 * 8;

/**
 * storeRets(desc *retDesc, r0 … r63 uintptr): stores result word i (the argument slot after
 * desc) at desc.dst[i] as desc.code[i] says (1 pointer through the write barrier, 2 word,
 * 3/4/5 low 1/2/4 bytes, 6 float64 narrowed to float32). Called right after the call returned,
 * with no safe point in between, so result pointers are never only in integer slots at a GC.
 */
function storeRets(vm: VM, _g: number, args: number): void {
  const mem = vm.heap.mem;
  const u32 = mem.u32;
  const desc = u32[args >>> 2];
  const n = Number(mem.i64[desc >>> 3]);
  const barrier = vm.barrier;
  for (let i = 0; i < n; i++) {
    const dst = u32[(desc + RD_DST + i * 8) >>> 2];
    const w = args + 8 + i * 8;
    switch (mem.u8[desc + RD_CODE + i]) {
      case 1:
        if (barrier !== null) barrier.writePointer(dst, u32[w >>> 2]);
        else putPtr(vm, dst, u32[w >>> 2]);
        break;
      case 2:
        mem.i32[dst >>> 2] = mem.i32[w >>> 2];
        mem.i32[(dst >>> 2) + 1] = mem.i32[(w >>> 2) + 1];
        break;
      case 3:
        mem.u8[dst] = mem.u8[w];
        break;
      case 4:
        mem.u8[dst] = mem.u8[w];
        mem.u8[dst + 1] = mem.u8[w + 1];
        break;
      case 5:
        mem.u32[dst >>> 2] = u32[w >>> 2];
        break;
      case 6:
        mem.f32[dst >>> 2] = mem.f64[w >>> 3];
        break;
    }
  }
}

/** Adds the reflect natives (for one VM; state is created on first use) to m. */
export function addReflectNatives(m: Map<string, NativeFn>): void {
  const states = new WeakMap<VM, ReflectRT>();
  const rt = (vm: VM): ReflectRT => {
    let s = states.get(vm);
    if (s === undefined) states.set(vm, (s = new ReflectRT(vm)));
    return s;
  };

  m.set("reflect.unsafe_New", (vm, _g, args, res) => {
    const t = ptrArg(vm, args);
    const p = vm.heap.mallocgc(vm.heap.mem.u32[(t + TD_SIZE) >>> 2], t, true);
    putPtr(vm, res, p);
  });
  m.set("reflect.unsafe_NewArray", (vm, g, args, res) => {
    const t = ptrArg(vm, args);
    const n = intArg(vm, args + 8);
    const size = vm.heap.mem.u32[(t + TD_SIZE) >>> 2];
    if (n < 0 || n * size > MAX_ALLOC) {
      vm.setPanic(g, PK_PLAIN, BigInt(E_NEWARRAY), 0n);
      return;
    }
    putPtr(vm, res, vm.heap.mallocgc(n * size, t, true));
  });
  m.set("reflect.typedmemmove", (vm, _g, args) => {
    rt(vm).typedCopy(ptrArg(vm, args), ptrArg(vm, args + 8), ptrArg(vm, args + 16), 1);
  });
  m.set("reflect.typedmemclr", (vm, _g, args) => {
    const t = ptrArg(vm, args);
    const p = ptrArg(vm, args + 8);
    const mem = vm.heap.mem;
    const size = mem.u32[(t + TD_SIZE) >>> 2];
    const ptrdata = mem.u32[(t + TD_PTRDATA) >>> 2];
    const barrier = vm.barrier;
    if (barrier !== null && ptrdata !== 0) {
      // clear pointer words through the barrier (it shades the overwritten pointer)
      const mask = mem.u32[(t + TD_GCDATA) >>> 2];
      for (let w = 0; w * 8 < ptrdata; w++) if ((vm.heap.mem.u8[mask + (w >>> 3)] >>> (w & 7)) & 1) barrier.writePointer(p + w * 8, 0);
    }
    vm.heap.mem.u8.fill(0, p, p + size);
  });
  m.set("reflect.typedslicecopy", (vm, _g, args, res) => {
    const elem = ptrArg(vm, args);
    const dst = ptrArg(vm, args + 8);
    const src = ptrArg(vm, args + 16);
    const mem = vm.heap.mem;
    const n = Math.min(Number(mem.i64[(dst + 8) >>> 3]), Number(mem.i64[(src + 8) >>> 3]));
    rt(vm).typedCopy(elem, mem.u32[dst >>> 2], mem.u32[src >>> 2], n);
    vm.heap.mem.i64[res >>> 3] = BigInt(n);
  });
  m.set("reflect.growslice", (vm, g, args, res) => {
    const r = rt(vm);
    const elem = ptrArg(vm, args);
    const old = ptrArg(vm, args + 8);
    const newLen = intArg(vm, args + 16);
    let mem = vm.heap.mem;
    const oldPtr = mem.u32[old >>> 2];
    const oldLen = Number(mem.i64[(old + 8) >>> 3]);
    const oldCap = Number(mem.i64[(old + 16) >>> 3]);
    const size = mem.u32[(elem + TD_SIZE) >>> 2];
    let newcap = nextslicecap(oldCap, newLen);
    let p: number;
    if (size === 0) p = oldPtr !== 0 ? oldPtr : ZEROBASE;
    else {
      if (newcap * size > MAX_ALLOC) {
        vm.setPanic(g, PK_PLAIN, BigInt(E_GROWSLICE), 0n);
        return;
      }
      const bytes = roundupsize(newcap * size);
      newcap = Math.floor(bytes / size);
      const ptrful = mem.u32[(elem + TD_PTRDATA) >>> 2] !== 0;
      p = vm.heap.mallocgc(bytes, ptrful ? elem : 0, true);
      // copied pointers are shaded (typedCopy's barrier: the old array may be dropped unscanned
      // while p is already black)
      if (oldLen > 0) r.typedCopy(elem, p, oldPtr, oldLen);
      // p lives only in this variable until hdr holds it: pin it in the result slot (a stack
      // root) across hdr's allocation, whose assist may scan the stack or even end the cycle
      putPtr(vm, res, p);
    }
    const hdr = vm.heap.mallocgc(24, r.sliceHeaderType(), true);
    mem = vm.heap.mem;
    // hdr may be black (allocated while marking): store p through the barrier
    if (vm.barrier !== null) vm.barrier.writePointer(hdr, p);
    else mem.u32[hdr >>> 2] = p;
    mem.i64[(hdr + 8) >>> 3] = BigInt(oldLen);
    mem.i64[(hdr + 16) >>> 3] = BigInt(newcap);
    putPtr(vm, res, hdr);
  });
  m.set("reflect.ptrTo", (vm, _g, args, res) => putPtr(vm, res, rt(vm).ptrTo(ptrArg(vm, args))));
  m.set("reflect.sliceOf", (vm, _g, args, res) => putPtr(vm, res, rt(vm).sliceOf(ptrArg(vm, args))));
  m.set("reflect.arrayOf", (vm, _g, args, res) => putPtr(vm, res, rt(vm).arrayOf(intArg(vm, args), ptrArg(vm, args + 8))));
  // ifaceE2I(t *rtype, src any, dst unsafe.Pointer): dst = (itab(t, type of src), data of src)
  m.set("reflect.ifaceE2I", (vm, _g, args) => {
    const inter = ptrArg(vm, args);
    const typ = ptrArg(vm, args + 8);
    const data = ptrArg(vm, args + 16);
    const dst = ptrArg(vm, args + 24);
    const itab = typ === 0 ? 0 : rt(vm).itabTable().getitab(inter, typ);
    const barrier = vm.barrier;
    if (barrier !== null) {
      barrier.writePointer(dst, itab);
      barrier.writePointer(dst + 8, data);
    } else {
      putPtr(vm, dst, itab);
      putPtr(vm, dst + 8, data);
    }
  });
  m.set("reflect.mapOf", (vm, _g, args, res) => putPtr(vm, res, rt(vm).mapOf(ptrArg(vm, args), ptrArg(vm, args + 8))));
  m.set("reflect.chanOf", (vm, _g, args, res) => putPtr(vm, res, rt(vm).chanOf(intArg(vm, args), ptrArg(vm, args + 8))));
  // funcOf(in, out []*rtype, variadic bool): slices are 3 slots each
  m.set("reflect.funcOf", (vm, _g, args, res) => {
    const ins = ptrSlice(vm, args);
    const outs = ptrSlice(vm, args + 24);
    putPtr(vm, res, rt(vm).funcOf(ins, outs, vm.heap.mem.u8[args + 48] !== 0));
  });
  // structOf(str string, names, tags, pkgPaths []string, types []*rtype, offsets []uintptr,
  // embedded []bool, size, align uintptr)
  m.set("reflect.structOf", (vm, _g, args, res) => {
    const r = rt(vm);
    const str = r.goStringAt(args);
    const names = stringSlice(vm, args + 16);
    const tags = stringSlice(vm, args + 40);
    const pkgs = stringSlice(vm, args + 64);
    const types = ptrSlice(vm, args + 88);
    const offsets = ptrSlice(vm, args + 112);
    const emb = vm.heap.mem.u32[(args + 136) >>> 2];
    const embedded = types.map((_, i) => vm.heap.mem.u8[emb + i] !== 0);
    putPtr(vm, res, r.structOf(str, names, tags, pkgs, types, offsets, embedded, intArg(vm, args + 160), intArg(vm, args + 168)));
  });
  m.set("reflect.makeFuncTramp", makeFuncTramp);
  m.set("reflect.methodValueTramp", methodValueTramp);
  m.set("reflect.makeFuncRet", makeFuncRet);
  m.set("reflect.storeRets", storeRets);
}

/**
 * reflect.rselect(cases []runtimeSelect) (chosen int, recvOK bool) over the scheduler's select
 * (select.ts selectgo; wired by proc.ts natives()). runtimeSelect is {dir, typ, ch, val} (32
 * bytes; dir 1 send, 2 receive, 3 default). The cases are laid out as selectgo's scases — sends
 * first, then receives — in a per-VM scratch array (selectgo reads it only before parking; the
 * channels and values stay reachable from the Go caller's cases slice), and the chosen scase
 * index is mapped back to the caller's. Restartable like selectgo: after a park the call runs
 * again, rebuilds the same layout and selectgo resumes.
 */
export function rselectNative(sel: Selects): NativeFn {
  let scratch = 0;
  let scratchCases = 0;
  const order: number[] = [];
  return (vm, g, args, res) => {
    let mem = vm.heap.mem;
    const cases = mem.u32[args >>> 2];
    const n = Number(mem.i64[(args + 8) >>> 3]);
    if (n > scratchCases) {
      scratchCases = Math.max(n, 2 * scratchCases, 8);
      scratch = vm.heap.mheap.persistentAlloc(scratchCases * 16, 8, ST_OTHER_SYS);
      mem = vm.heap.mem;
    }
    order.length = 0;
    let nsends = 0;
    let dflt = -1;
    for (let i = 0; i < n; i++) {
      const d = mem.u32[(cases + i * 32) >>> 2];
      if (d === 1) {
        order.splice(nsends, 0, i);
        nsends++;
      } else if (d === 2) order.push(i);
      else dflt = i;
    }
    const u32 = mem.u32;
    for (let k = 0; k < order.length; k++) {
      const c = cases + order[k] * 32;
      u32[(scratch + k * 16) >>> 2] = u32[(c + 16) >>> 2];
      u32[(scratch + k * 16 + 4) >>> 2] = 0;
      u32[(scratch + k * 16 + 8) >>> 2] = u32[(c + 24) >>> 2];
      u32[(scratch + k * 16 + 12) >>> 2] = 0;
    }
    const r = sel.selectgo(g, scratch, nsends, order.length - nsends, dflt < 0);
    if (r !== CH_DONE) return; // parked (the call runs again) or panicking
    const i64 = vm.heap.mem.i64;
    i64[res >>> 3] = BigInt(sel.chosen < 0 ? dflt : order[sel.chosen]);
    i64[(res + 8) >>> 3] = sel.recvOK ? 1n : 0n;
  };
}

/** Names addReflectNatives provides (for the compiler's link check). */
export const REFLECT_NATIVE_NAMES: readonly string[] = [
  "reflect.unsafe_New",
  "reflect.unsafe_NewArray",
  "reflect.typedmemmove",
  "reflect.typedmemclr",
  "reflect.typedslicecopy",
  "reflect.growslice",
  "reflect.ptrTo",
  "reflect.sliceOf",
  "reflect.arrayOf",
  "reflect.ifaceE2I",
  "reflect.makeFuncTramp",
  "reflect.methodValueTramp",
  "reflect.mapOf",
  "reflect.chanOf",
  "reflect.funcOf",
  "reflect.structOf",
  "reflect.makeFuncRet",
  "reflect.storeRets",
];
