/**
 * chan.ts — channels (Go's chan.go, written afresh): hchan objects on the GC heap, sudog wait
 * queues, buffered and unbuffered send/receive, close, nil channels, len/cap, and the natives the
 * compiler calls (runtime.makechan, chansend1, chanrecv1/2, closechan, selectnbsend/recv,
 * chanlen, chancap) plus reflect's (reflect.makechan, chansend, chanrecv, chanlen, chancap,
 * chanclose).
 *
 * ALGORITHM (as Go's): a send first hands the value straight to a waiting receiver (copying into
 * the receiver's destination, which may be in its parked stack), else into the ring buffer, else
 * the sender queues a sudog whose elem points at its value and parks. Receives mirror it; a
 * receive from a full buffered channel with waiting senders takes the head of the ring and moves
 * the first sender's value into the freed slot, preserving FIFO order. close wakes every waiter:
 * receivers get the zero value and ok=false, senders panic "send on closed channel".
 *
 * Single thread: no channel lock; the world is consistent between any two VM instructions.
 *
 * PARK/RESUME: natives are restartable (proc.ts "PARKING NATIVES"): the parked G's G_PARKSTATE
 * holds its sudog; on re-execution the native reads sudog.success and finishes. The waker has
 * already moved the value, so a resumed receive only writes `ok`.
 *
 * STACK MOVES: a sudog's elem may point into its G's stack; `adjustSudogs` (installed by
 * installChanRuntime as stack.ts's adjustExtra hook) moves such pointers when that stack is
 * copied — grown by the G itself before parking, or shrunk by the GC while it is parked.
 *
 * GC: hchan's descriptor marks only `buf`; the sudog queues are in persistent memory. A value
 * copied by the runtime into another goroutine's stack or a buffer is made visible to a running
 * mark phase by shading each pointer of both the old and the new value (the hybrid barrier done
 * by hand; Go uses typedmemmove / typeBitsBulkBarrier for the same purpose).
 *
 * Layouts: runtime2.ts. Rejected: buffered values in a JS array (DESIGN.md: Go values only in
 * linear memory); a channel lock (one thread — it will come with worker-thread Ms).
 */

import type { Heap } from "./malloc.js";
import type { LinearMemory } from "./mem.js";
import { TD_GCDATA, TD_PTRDATA, TD_SIZE } from "./typedesc.js";
import { WB_FLAG_ADDR, type NativeFn, type VM } from "./vm/interp.js";
import { PK_PLAIN, plainErrorId } from "./vm/panic.js";
import { G_PC } from "./vm/g.js";
import type { Sched } from "./proc.js";
import {
  G_PARAM,
  G_PARKSTATE,
  G_SELECTDONE,
  G_WAITING,
  HC_BUF,
  HC_CLOSED,
  HC_DATAQSIZ,
  HC_ELEMSIZE,
  HC_ELEMTYPE,
  HC_QCOUNT,
  HC_RECVQ,
  HC_RECVX,
  HC_SENDQ,
  HC_SENDX,
  HCHAN_BYTES,
  SG_C,
  SG_ELEM,
  SG_G,
  SG_AUTORESUME,
  SG_RES,
  SG_ISSELECT,
  SG_NEXT,
  SG_PREV,
  SG_SUCCESS,
  SG_WAITLINK,
  WaitReason,
} from "./runtime2.js";

/** Largest buffer Go accepts on a 64-bit target is far above gort's 4 GiB address space. */
const MAX_ALLOC_CHAN = 0x7fff_ffff;

/** Words of a call instruction (CALL f,B,C / CALLI / CALLN: image/opcodes.ts), skipped by auto-resume. */
const CALL_WORDS = 3;

/** chantype's elem word (TYPEDESC.md "Chan": +36). */
export const CHANTYPE_ELEM = 36;

export const E_SEND_CLOSED = plainErrorId("send on closed channel");
export const E_CLOSE_CLOSED = plainErrorId("close of closed channel");
export const E_CLOSE_NIL = plainErrorId("close of nil channel");
export const E_MAKECHAN_SIZE = plainErrorId("makechan: size out of range");

/** Results of the chansend/chanrecv cores. */
export const CH_WOULDBLOCK = 0;
export const CH_DONE = 1;
export const CH_PARKED = 2;
export const CH_PANICKED = 3;

/** The channel runtime of one scheduler. */
export class Chans {
  readonly sched: Sched;
  readonly heap: Heap;
  readonly mem: LinearMemory;
  readonly vm: VM;
  /** Descriptor of hchan objects (one pointer word: buf). */
  readonly hchanType: number;
  /** chanrecv scratch result: a value was received (false: closed channel, zero value). */
  received: boolean;

  constructor(sched: Sched) {
    this.sched = sched;
    this.heap = sched.heap;
    this.mem = sched.mem;
    this.vm = sched.vm;
    this.hchanType = this.heap.types.make(HCHAN_BYTES, [HC_BUF >>> 3]);
    this.received = false;
  }

  /**
   * make(chan T, size) for element descriptor `elemtype`. Returns 0 after panicking g.
   * `rootSlot` (the caller's result slot, a pointer slot of the running goroutine's frame,
   * 0 = none) receives the hchan before the buffer is allocated.
   */
  makechan(g: number, elemtype: number, size: number, rootSlot = 0): number {
    const mem = this.mem;
    const elemsize = mem.u32[(elemtype + TD_SIZE) >>> 2];
    if (size < 0 || size * elemsize > MAX_ALLOC_CHAN) {
      this.vm.setPanic(g, PK_PLAIN, BigInt(E_MAKECHAN_SIZE), 0n);
      return 0;
    }
    const c = this.heap.mallocgc(HCHAN_BYTES, this.hchanType, true);
    // While buf is allocated, c must be visible to the collector: that allocation may run a
    // whole cycle (gcstoptheworld) or an assist that scans this goroutine's stack, and a JS
    // local is no root — c would be freed under us. Park it in the caller's result slot.
    if (rootSlot !== 0) {
      this.mem.u32[rootSlot >>> 2] = c;
      this.mem.u32[(rootSlot >>> 2) + 1] = 0;
    }
    let buf = 0;
    if (size > 0 && elemsize > 0) {
      buf = mem.u32[(elemtype + TD_PTRDATA) >>> 2] !== 0 ? this.heap.newarray(elemtype, size) : this.heap.mallocgc(size * elemsize, 0, true);
    }
    // (without a root slot, at least keep c from being lost to a cycle that started meanwhile)
    if (rootSlot === 0 && buf !== 0 && this.sched.gc !== null) this.sched.gc.shadeIfMarking(c);
    const u32 = this.mem.u32; // mallocgc may have grown memory
    u32[(c + HC_DATAQSIZ) >>> 2] = size;
    u32[(c + HC_BUF) >>> 2] = buf; // a fresh object: allocated black during marking, no barrier
    u32[(c + HC_ELEMSIZE) >>> 2] = elemsize;
    u32[(c + HC_ELEMTYPE) >>> 2] = elemtype;
    return c;
  }

  // ── wait queues ──

  enqueue(q: number, sg: number): void {
    const u32 = this.mem.u32;
    const last = u32[(q + 4) >>> 2];
    u32[(sg + SG_NEXT) >>> 2] = 0;
    u32[(sg + SG_PREV) >>> 2] = last;
    if (last === 0) u32[q >>> 2] = sg;
    else u32[(last + SG_NEXT) >>> 2] = sg;
    u32[(q + 4) >>> 2] = sg;
  }

  /** First waiter of q that can still be woken (a select already decided is dropped). */
  private dequeue(q: number): number {
    const u32 = this.mem.u32;
    for (;;) {
      const sg = u32[q >>> 2];
      if (sg === 0) return 0;
      const next = u32[(sg + SG_NEXT) >>> 2];
      u32[q >>> 2] = next;
      if (next === 0) u32[(q + 4) >>> 2] = 0;
      else u32[(next + SG_PREV) >>> 2] = 0;
      u32[(sg + SG_NEXT) >>> 2] = 0;
      u32[(sg + SG_PREV) >>> 2] = 0;
      if (u32[(sg + SG_ISSELECT) >>> 2] !== 0) {
        const gp = u32[(sg + SG_G) >>> 2];
        if (u32[(gp + G_SELECTDONE) >>> 2] !== 0) continue;
        u32[(gp + G_SELECTDONE) >>> 2] = 1;
      }
      return sg;
    }
  }

  /** Unlinks sg from q if it is still queued there (select cleanup). */
  removeSudog(q: number, sg: number): void {
    const u32 = this.mem.u32;
    const prev = u32[(sg + SG_PREV) >>> 2];
    const next = u32[(sg + SG_NEXT) >>> 2];
    if (prev === 0 && u32[q >>> 2] !== sg) return; // not queued (already dequeued)
    if (prev === 0) u32[q >>> 2] = next;
    else u32[(prev + SG_NEXT) >>> 2] = next;
    if (next === 0) u32[(q + 4) >>> 2] = prev;
    else u32[(next + SG_PREV) >>> 2] = prev;
    u32[(sg + SG_NEXT) >>> 2] = 0;
    u32[(sg + SG_PREV) >>> 2] = 0;
  }

  // ── value moves ──

  /** Copies one element (n bytes of type et) from src to dst, shading pointers while marking. */
  copyElem(dst: number, src: number, n: number, et: number): void {
    if (n === 0) return;
    const mem = this.mem;
    if (mem.u32[WB_FLAG_ADDR >>> 2] !== 0 && mem.u32[(et + TD_PTRDATA) >>> 2] !== 0) this.shadeValue(dst, src, et);
    if (n === 8 && ((dst | src) & 7) === 0) {
      mem.f64[dst >>> 3] = mem.f64[src >>> 3];
      return;
    }
    mem.move(dst, src, n);
  }

  /** Zeroes one element at dst (receive from a closed channel). */
  clearElem(dst: number, n: number, et: number): void {
    if (n === 0 || dst === 0) return;
    const mem = this.mem;
    if (mem.u32[WB_FLAG_ADDR >>> 2] !== 0 && mem.u32[(et + TD_PTRDATA) >>> 2] !== 0) this.shadeValue(dst, 0, et);
    mem.zero(dst, n);
  }

  private shadeValue(dst: number, src: number, et: number): void {
    const gc = this.sched.gc;
    if (gc === null) return;
    const mem = this.mem;
    const words = mem.u32[(et + TD_PTRDATA) >>> 2] >>> 3;
    const mask = mem.u32[(et + TD_GCDATA) >>> 2];
    for (let w = 0; w < words; w++) {
      if ((mem.u8[mask + (w >>> 3)] & (1 << (w & 7))) === 0) continue;
      const old = this.mem.u32[(dst + 8 * w) >>> 2];
      if (old !== 0) gc.shadeIfMarking(old);
      if (src !== 0) {
        const p = this.mem.u32[(src + 8 * w) >>> 2];
        if (p !== 0) gc.shadeIfMarking(p);
      }
    }
  }

  /** Hands ep's value to waiting receiver sg (unbuffered, or empty buffer) and readies it. */
  private sendDirect(c: number, sg: number, ep: number): void {
    const u32 = this.mem.u32;
    const dst = u32[(sg + SG_ELEM) >>> 2];
    if (dst !== 0) this.copyElem(dst, ep, u32[(c + HC_ELEMSIZE) >>> 2], u32[(c + HC_ELEMTYPE) >>> 2]);
    this.wake(sg, 1);
  }

  /** Takes waiting sender sg's value into ep (via the buffer head when buffered) and readies it. */
  private recvDirect(c: number, sg: number, ep: number): void {
    const u32 = this.mem.u32;
    const n = u32[(c + HC_ELEMSIZE) >>> 2];
    const et = u32[(c + HC_ELEMTYPE) >>> 2];
    const size = u32[(c + HC_DATAQSIZ) >>> 2];
    if (size === 0) {
      if (ep !== 0) this.copyElem(ep, u32[(sg + SG_ELEM) >>> 2], n, et);
    } else {
      // Full buffer: receive the head, the sender's value goes to the freed tail slot.
      const rx = u32[(c + HC_RECVX) >>> 2];
      const qp = u32[(c + HC_BUF) >>> 2] + rx * n;
      if (ep !== 0) this.copyElem(ep, qp, n, et);
      this.copyElem(qp, u32[(sg + SG_ELEM) >>> 2], n, et);
      const nrx = rx + 1 === size ? 0 : rx + 1;
      u32[(c + HC_RECVX) >>> 2] = nrx;
      u32[(c + HC_SENDX) >>> 2] = nrx;
    }
    this.wake(sg, 1);
  }

  /**
   * Completes sudog sg (success 1 = value moved, 0 = closed) and readies its goroutine. A
   * successful auto-resume sudog (chansend1/chanrecv1: nothing left to do after the park) is
   * finished here: the G resumes after its call instead of re-executing it.
   */
  wake(sg: number, success: number): void {
    const u32 = this.mem.u32;
    const gp = u32[(sg + SG_G) >>> 2];
    if (success !== 0 && u32[(sg + SG_AUTORESUME) >>> 2] !== 0) {
      const res = u32[(sg + SG_RES) >>> 2];
      if (res !== 0) this.mem.i64[res >>> 3] = 1n; // chanrecv2's ok
      u32[(gp + G_PC) >>> 2] += CALL_WORDS;
      u32[(gp + G_PARKSTATE) >>> 2] = 0;
      u32[(gp + G_WAITING) >>> 2] = 0;
      this.sched.releaseSudog(sg);
      this.sched.goready(gp);
      return;
    }
    u32[(sg + SG_ELEM) >>> 2] = 0;
    u32[(sg + SG_SUCCESS) >>> 2] = success;
    u32[(gp + G_PARAM) >>> 2] = sg;
    this.sched.goready(gp);
  }

  // ── send / receive cores (also used by select) ──

  /** Non-parking part of a send: CH_DONE, CH_WOULDBLOCK or CH_PANICKED (closed channel). */
  trySend(g: number, c: number, ep: number): number {
    const u32 = this.mem.u32;
    if (u32[(c + HC_CLOSED) >>> 2] !== 0) {
      this.vm.setPanic(g, PK_PLAIN, BigInt(E_SEND_CLOSED), 0n);
      return CH_PANICKED;
    }
    const sg = this.dequeue(c + HC_RECVQ);
    if (sg !== 0) {
      this.sendDirect(c, sg, ep);
      return CH_DONE;
    }
    const q = u32[(c + HC_QCOUNT) >>> 2];
    const size = u32[(c + HC_DATAQSIZ) >>> 2];
    if (q < size) {
      const n = u32[(c + HC_ELEMSIZE) >>> 2];
      const sx = u32[(c + HC_SENDX) >>> 2];
      this.copyElem(u32[(c + HC_BUF) >>> 2] + sx * n, ep, n, u32[(c + HC_ELEMTYPE) >>> 2]);
      const u = this.mem.u32;
      u[(c + HC_SENDX) >>> 2] = sx + 1 === size ? 0 : sx + 1;
      u[(c + HC_QCOUNT) >>> 2] = q + 1;
      return CH_DONE;
    }
    return CH_WOULDBLOCK;
  }

  /** Non-parking part of a receive: CH_DONE (this.received says whether a value came) or CH_WOULDBLOCK. */
  tryRecv(c: number, ep: number): number {
    const u32 = this.mem.u32;
    const sg = this.dequeue(c + HC_SENDQ);
    if (sg !== 0) {
      this.recvDirect(c, sg, ep);
      this.received = true;
      return CH_DONE;
    }
    const q = u32[(c + HC_QCOUNT) >>> 2];
    if (q > 0) {
      const n = u32[(c + HC_ELEMSIZE) >>> 2];
      const et = u32[(c + HC_ELEMTYPE) >>> 2];
      const rx = u32[(c + HC_RECVX) >>> 2];
      const qp = u32[(c + HC_BUF) >>> 2] + rx * n;
      if (ep !== 0) this.copyElem(ep, qp, n, et);
      this.clearElem(qp, n, et);
      const u = this.mem.u32;
      const size = u[(c + HC_DATAQSIZ) >>> 2];
      u[(c + HC_RECVX) >>> 2] = rx + 1 === size ? 0 : rx + 1;
      u[(c + HC_QCOUNT) >>> 2] = q - 1;
      this.received = true;
      return CH_DONE;
    }
    if (u32[(c + HC_CLOSED) >>> 2] !== 0) {
      this.clearElem(ep, u32[(c + HC_ELEMSIZE) >>> 2], u32[(c + HC_ELEMTYPE) >>> 2]);
      this.received = false;
      return CH_DONE;
    }
    return CH_WOULDBLOCK;
  }

  /**
   * chansend for the running G g (inside a native; restartable). Returns CH_DONE,
   * CH_WOULDBLOCK (only when !block), CH_PARKED or CH_PANICKED.
   */
  chansend(g: number, c: number, ep: number, block: boolean, autoResume = 0): number {
    const u32 = this.mem.u32;
    const ps = u32[(g + G_PARKSTATE) >>> 2];
    if (ps !== 0) {
      // Resumed after parking: the receiver (or close) completed our sudog.
      u32[(g + G_PARKSTATE) >>> 2] = 0;
      u32[(g + G_WAITING) >>> 2] = 0;
      const ok = u32[(ps + SG_SUCCESS) >>> 2];
      this.sched.releaseSudog(ps);
      if (ok === 0) {
        this.vm.setPanic(g, PK_PLAIN, BigInt(E_SEND_CLOSED), 0n);
        return CH_PANICKED;
      }
      return CH_DONE;
    }
    if (c === 0) {
      if (!block) return CH_WOULDBLOCK;
      this.sched.gopark(g, WaitReason.ChanSendNilChan); // forever
      u32[(g + G_PARKSTATE) >>> 2] = 1;
      return CH_PARKED;
    }
    const r = this.trySend(g, c, ep);
    if (r !== CH_WOULDBLOCK || !block) return r;
    const sg = this.sched.acquireSudog();
    const u = this.mem.u32;
    u[(sg + SG_G) >>> 2] = g;
    u[(sg + SG_ELEM) >>> 2] = ep;
    u[(sg + SG_C) >>> 2] = c;
    u[(sg + SG_AUTORESUME) >>> 2] = autoResume;
    this.enqueue(c + HC_SENDQ, sg);
    u[(g + G_WAITING) >>> 2] = sg;
    u[(g + G_PARKSTATE) >>> 2] = sg;
    this.sched.gopark(g, WaitReason.ChanSend);
    return CH_PARKED;
  }

  /** chanrecv for the running G g (restartable); sets this.received on CH_DONE. */
  chanrecv(g: number, c: number, ep: number, block: boolean, autoResume = 0, res = 0): number {
    const u32 = this.mem.u32;
    const ps = u32[(g + G_PARKSTATE) >>> 2];
    if (ps !== 0) {
      u32[(g + G_PARKSTATE) >>> 2] = 0;
      u32[(g + G_WAITING) >>> 2] = 0;
      this.received = u32[(ps + SG_SUCCESS) >>> 2] !== 0;
      this.sched.releaseSudog(ps);
      return CH_DONE;
    }
    if (c === 0) {
      if (!block) return CH_WOULDBLOCK;
      this.sched.gopark(g, WaitReason.ChanReceiveNilChan);
      u32[(g + G_PARKSTATE) >>> 2] = 1;
      return CH_PARKED;
    }
    const r = this.tryRecv(c, ep);
    if (r !== CH_WOULDBLOCK || !block) return r;
    const sg = this.sched.acquireSudog();
    const u = this.mem.u32;
    u[(sg + SG_G) >>> 2] = g;
    u[(sg + SG_ELEM) >>> 2] = ep;
    u[(sg + SG_C) >>> 2] = c;
    u[(sg + SG_AUTORESUME) >>> 2] = autoResume;
    u[(sg + SG_RES) >>> 2] = res;
    this.enqueue(c + HC_RECVQ, sg);
    u[(g + G_WAITING) >>> 2] = sg;
    u[(g + G_PARKSTATE) >>> 2] = sg;
    this.sched.gopark(g, WaitReason.ChanReceive);
    return CH_PARKED;
  }

  /** close(c) by g: false after recording Go's panic on g. */
  closechan(g: number, c: number): boolean {
    if (c === 0) {
      this.vm.setPanic(g, PK_PLAIN, BigInt(E_CLOSE_NIL), 0n);
      return false;
    }
    const u32 = this.mem.u32;
    if (u32[(c + HC_CLOSED) >>> 2] !== 0) {
      this.vm.setPanic(g, PK_PLAIN, BigInt(E_CLOSE_CLOSED), 0n);
      return false;
    }
    u32[(c + HC_CLOSED) >>> 2] = 1;
    const n = u32[(c + HC_ELEMSIZE) >>> 2];
    const et = u32[(c + HC_ELEMTYPE) >>> 2];
    // Receivers (zero value, ok=false), then senders (they panic when they resume) are taken
    // off the queues, then made ready last-taken first, as Go's closechan readies its list:
    // with one P the first waiter ends up in runnext and runs first.
    const woken: number[] = [];
    for (let sg = this.dequeue(c + HC_RECVQ); sg !== 0; sg = this.dequeue(c + HC_RECVQ)) {
      this.clearElem(this.mem.u32[(sg + SG_ELEM) >>> 2], n, et);
      woken.push(sg);
    }
    for (let sg = this.dequeue(c + HC_SENDQ); sg !== 0; sg = this.dequeue(c + HC_SENDQ)) woken.push(sg);
    for (let i = woken.length - 1; i >= 0; i--) this.wake(woken[i], 0);
    return true;
  }

  len(c: number): number {
    return c === 0 ? 0 : this.mem.u32[(c + HC_QCOUNT) >>> 2];
  }
  cap(c: number): number {
    return c === 0 ? 0 : this.mem.u32[(c + HC_DATAQSIZ) >>> 2];
  }

  /**
   * stack.ts adjustExtra: g's stack moved from [oldLo, oldHi) by delta; move its sudogs' elem
   * pointers that pointed into it.
   */
  adjustSudogs(g: number, oldLo: number, oldHi: number, delta: number): void {
    const u32 = this.mem.u32;
    for (let sg = u32[(g + G_WAITING) >>> 2]; sg !== 0; sg = u32[(sg + SG_WAITLINK) >>> 2]) {
      const e = u32[(sg + SG_ELEM) >>> 2];
      if (e >= oldLo && e < oldHi) u32[(sg + SG_ELEM) >>> 2] = (e + delta) >>> 0;
      const r = u32[(sg + SG_RES) >>> 2];
      if (r >= oldLo && r < oldHi) u32[(sg + SG_RES) >>> 2] = (r + delta) >>> 0;
    }
  }

  /** Adds the channel natives to m. */
  addNatives(m: Map<string, NativeFn>): void {
    const ch = this;
    const makechan: NativeFn = (vm, g, args, res) => {
      const t = vm.mem.u32[args >>> 2];
      const size = vm.mem.i64[(args + 8) >>> 3];
      const n = size < 0n || size > BigInt(MAX_ALLOC_CHAN) ? -1 : Number(size);
      const c = ch.makechan(g, vm.mem.u32[(t + CHANTYPE_ELEM) >>> 2], n, res);
      vm.mem.i64[res >>> 3] = BigInt(c);
    };
    m.set("runtime.makechan", makechan);
    m.set("reflect.makechan", makechan);
    m.set("runtime.chansend1", (vm, g, args) => {
      const u32 = vm.mem.u32;
      ch.chansend(g, u32[args >>> 2], u32[(args + 8) >>> 2], true, 1);
    });
    m.set("runtime.chanrecv1", (vm, g, args) => {
      const u32 = vm.mem.u32;
      ch.chanrecv(g, u32[args >>> 2], u32[(args + 8) >>> 2], true, 1);
    });
    // Auto-resumed too: the waker writes ok = true into the result slot (SG_RES); a close
    // (ok = false) re-executes the call, which then writes false.
    m.set("runtime.chanrecv2", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      if (ch.chanrecv(g, u32[args >>> 2], u32[(args + 8) >>> 2], true, 1, res) === CH_DONE) {
        vm.mem.i64[res >>> 3] = ch.received ? 1n : 0n;
      }
    });
    m.set("runtime.closechan", (vm, g, args) => {
      ch.closechan(g, vm.mem.u32[args >>> 2]);
    });
    m.set("reflect.chanclose", (vm, g, args) => {
      ch.closechan(g, vm.mem.u32[args >>> 2]);
    });
    // select { case c <- v: …; default: … }
    m.set("runtime.selectnbsend", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const r = ch.chansend(g, u32[args >>> 2], u32[(args + 8) >>> 2], false);
      vm.mem.i64[res >>> 3] = r === CH_DONE ? 1n : 0n;
    });
    // select { case v, ok = <-c: …; default: … }  — Go 1.19 order: (elem, c)
    m.set("runtime.selectnbrecv", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const r = ch.chanrecv(g, u32[(args + 8) >>> 2], u32[args >>> 2], false);
      const i64 = vm.mem.i64;
      i64[res >>> 3] = r === CH_DONE ? 1n : 0n;
      i64[(res + 8) >>> 3] = r === CH_DONE && ch.received ? 1n : 0n;
    });
    const chlen: NativeFn = (vm, _g, args, res) => {
      vm.mem.i64[res >>> 3] = BigInt(ch.len(vm.mem.u32[args >>> 2]));
    };
    const chcap: NativeFn = (vm, _g, args, res) => {
      vm.mem.i64[res >>> 3] = BigInt(ch.cap(vm.mem.u32[args >>> 2]));
    };
    m.set("runtime.chanlen", chlen);
    m.set("runtime.chancap", chcap);
    m.set("reflect.chanlen", chlen);
    m.set("reflect.chancap", chcap);
    // reflect.chansend(ch, val, nb) bool ; reflect.chanrecv(ch, nb, val) (selected, received)
    m.set("reflect.chansend", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const r = ch.chansend(g, u32[args >>> 2], u32[(args + 8) >>> 2], u32[(args + 16) >>> 2] === 0);
      if (r === CH_DONE || r === CH_WOULDBLOCK) vm.mem.i64[res >>> 3] = r === CH_DONE ? 1n : 0n;
    });
    m.set("reflect.chanrecv", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const r = ch.chanrecv(g, u32[args >>> 2], u32[(args + 16) >>> 2], u32[(args + 8) >>> 2] === 0);
      if (r === CH_DONE || r === CH_WOULDBLOCK) {
        const i64 = vm.mem.i64;
        i64[res >>> 3] = r === CH_DONE ? 1n : 0n;
        i64[(res + 8) >>> 3] = r === CH_DONE && ch.received ? 1n : 0n;
      }
    });
  }
}
