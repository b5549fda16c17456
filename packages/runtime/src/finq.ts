/**
 * finq.ts — runtime.SetFinalizer for Go programs and the running of ready finalizers (the roles
 * of Go's mfinal.go SetFinalizer type checks, createfing and runfinq, written afresh). The
 * records, their GC treatment and the ready queue are mfinal.ts's; this file is the Go-facing
 * half.
 *
 * SetFinalizer(obj any, finalizer any) (native `runtime.SetFinalizer`, declared in
 * packages/stdlib/go/runtime/mfinal.go): Go's checks and fatal errors ("first argument is T,
 * not pointer", "second argument is T, not a function", "cannot pass *T to finalizer F"); the
 * pointer checks (nil, not in an allocated block, not at its start, already set) are
 * mfinal.ts's. A nil finalizer removes the finalizer. The finalizer's parameter may be the
 * object's pointer type, another unnamed pointer type to the same element type, or an empty
 * interface. Deviation: a non-empty interface parameter is refused with a fatal error (Go
 * accepts it when *T implements it): building the itab here is not wired yet.
 *
 * RUNNING. Go runs finalizers one after another on one goroutine (fing) that the collector
 * wakes. Here each ready finalizer gets its own *system* goroutine (not counted by
 * NumGoroutine, like fing) calling fn(obj), started by `startFinalizers` at the scheduler's
 * safe points after collector work (proc.ts calls it after gc.poll(), after runtime.GC, and
 * before declaring a deadlock, so `runtime.GC(); <-done` waits for them as in Go). The order of
 * finalizers among themselves is the queue's (oldest first); they may interleave when one
 * blocks, which Go's single fing would not do.
 */
import { fatal } from "./debug.js";
import type { Sched } from "./proc.js";
import { typeName } from "./iface.js";
import { KIND_FUNC, KIND_INTERFACE, KIND_MASK, KIND_POINTER, TD_ALIGN, TD_KIND, TD_SIZE, TD_TFLAG } from "./typedesc.js";
import type { NativeFn } from "./vm/interp.js";

/** Func descriptor words (TYPEDESC.md §3 Func). */
const FT_COUNTS = 36;
const FT_PARAMS = 40;
/** Pointer descriptor: elem. */
const PT_ELEM = 36;
/** Interface descriptor: method count. */
const IT_MCOUNT = 40;
const TFLAG_NAMED = 4;

/** The runtime.SetFinalizer native of scheduler `sched` (its collector holds the records). */
export function setFinalizerNative(sched: Sched): NativeFn {
  return (vm, _g, args) => {
    const gc = sched.gc;
    const mem = vm.heap.mem;
    const u32 = mem.u32;
    const etyp = u32[args >>> 2];
    const obj = u32[(args + 8) >>> 2];
    const ftyp = u32[(args + 16) >>> 2];
    const fn = u32[(args + 24) >>> 2];
    const kind = (t: number): number => mem.u8[t + TD_KIND] & KIND_MASK;
    if (etyp === 0) fatal("runtime.SetFinalizer: first argument is nil");
    if (kind(etyp) !== KIND_POINTER) fatal(`runtime.SetFinalizer: first argument is ${typeName(mem, etyp)}, not pointer`);
    if (gc === null) return; // no collector: nothing is ever freed, finalizers never run
    if (ftyp === 0) {
      gc.setFinalizer(obj, 0);
      return;
    }
    if (kind(ftyp) !== KIND_FUNC) fatal(`runtime.SetFinalizer: second argument is ${typeName(mem, ftyp)}, not a function`);
    const counts = u32[(ftyp + FT_COUNTS) >>> 2];
    const inCount = counts & 0xffff;
    const outCount = (counts >>> 16) & 0x7fff;
    const cannot = `runtime.SetFinalizer: cannot pass ${typeName(mem, etyp)} to finalizer ${typeName(mem, ftyp)}`;
    if ((counts >>> 31) !== 0) fatal(`${cannot} because dotdotdot`);
    if (inCount !== 1) fatal(cannot);
    const params = u32[(ftyp + FT_PARAMS) >>> 2];
    const fint = u32[params >>> 2];
    const named = (t: number): boolean => (mem.u8[t + TD_TFLAG] & TFLAG_NAMED) !== 0;
    let ok = fint === etyp;
    if (!ok && kind(fint) === KIND_POINTER)
      ok = (!named(fint) || !named(etyp)) && u32[(fint + PT_ELEM) >>> 2] === u32[(etyp + PT_ELEM) >>> 2];
    if (!ok && kind(fint) === KIND_INTERFACE) {
      if (u32[(fint + IT_MCOUNT) >>> 2] !== 0) fatal(`${cannot} (gort: finalizers with a non-empty interface parameter are not supported yet)`);
      ok = true;
    }
    if (!ok) fatal(cannot);
    // bytes of the results (the finalizer's return values are discarded)
    let nret = 0;
    for (let i = 0; i < outCount; i++) {
      const t = u32[(params >>> 2) + 1 + i];
      const al = Math.max(1, mem.u8[t + TD_ALIGN]);
      nret = Math.ceil(nret / al) * al + u32[(t + TD_SIZE) >>> 2];
    }
    nret = Math.ceil(nret / 8) * 8;
    gc.setFinalizer(obj, fn, fint, etyp, nret);
  };
}

/**
 * Starts a system goroutine for each ready finalizer: fn(obj), with obj passed as the
 * parameter type (pointer: one slot; empty interface: type word = the object's pointer type,
 * data word = obj). Returns whether any started.
 */
export function startFinalizers(sched: Sched): boolean {
  const gc = sched.gc;
  if (gc === null) return false;
  const ready = gc.takeReadyFinalizers();
  for (const r of ready) {
    const mem = sched.mem;
    const fnIndex = mem.u32[r.fn >>> 2];
    const iface = (mem.u8[r.fint + TD_KIND] & KIND_MASK) === KIND_INTERFACE;
    const args = iface ? [BigInt(r.ot), BigInt(r.obj)] : [BigInt(r.obj)];
    sched.newproc(fnIndex, r.fn, args, 0, true);
  }
  return ready.length > 0;
}
