/**
 * sema.ts — semaphores and notify lists for package sync (Go's sema.go, written afresh).
 *
 * SEMAPHORES: `semacquire(addr)` waits until the uint32 at addr is > 0 and decrements it;
 * `semrelease(addr)` increments it or, when a goroutine waits on addr, hands the count straight
 * to the oldest waiter (FIFO; `lifo` acquirers queue at the head, as sync.Mutex's starving
 * waiters do) and readies it. Waiters hang off a fixed table of SEMTABLE_SIZE buckets in linear
 * memory, each a doubly linked sudog list; the sudog's SG_C is the semaphore address. Go keys a
 * treap per bucket by address to keep long lists short; with one thread and typical programs a
 * bucket holds a handful of waiters, so a list scan is simpler and as fast — revisit (treap) if a
 * profile shows long buckets.
 *
 * NOTIFY LISTS (sync.Cond): the list record lives in the Go object (32 bytes: wait u32,
 * notify u32, lock uintptr, head, tail — sync.notifyList). Waiters take a ticket (wait++), park
 * with the ticket in their sudog, and are woken in ticket order: notifyOne wakes ticket `notify`
 * (then notify++), notifyAll sets notify = wait and wakes everyone queued.
 *
 * Both park through the restartable-native protocol (proc.ts): G_PARKSTATE = the sudog; the
 * waker completes it before readying the G, so the resumed native only frees the sudog.
 */

import { fatal } from "./debug.js";
import type { NativeFn } from "./vm/interp.js";
import type { Sched } from "./proc.js";
import { addPoolNatives } from "./syncpool.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { G_PARKSTATE, P_ID, SG_C, SG_G, SG_NEXT, SG_PREV, SG_TICKET, WaitReason } from "./runtime2.js";

/** The natives of sync's and sync/atomic's procPin/procUnpin (addPinNatives). */
export const PIN_NATIVES: ReadonlySet<string> = new Set(["sync.runtime_procPin", "sync/atomic.runtime_procPin", "sync.runtime_procUnpin", "sync/atomic.runtime_procUnpin"]);

/**
 * procPin/procUnpin into `m`: procPin returns `procId()`, the goroutine's P, and holds the
 * goroutine on this thread and P until the unpin (the VM holds back budget ends, VM.pin), so
 * sync.Pool's per-P private slot has one user at a time, as in Go. `pinned` gets each new pin
 * depth (a worker M's mailbox word MB_PINNED).
 */
export function addPinNatives(m: Map<string, NativeFn>, procId: () => number, pinned: (depth: number) => void = () => {}): void {
  const pin: NativeFn = (vm, _g, _args, res) => {
    vm.pin();
    pinned(vm.pinned);
    vm.mem.i64[res >>> 3] = BigInt(procId());
  };
  const unpin: NativeFn = (vm) => {
    vm.unpin();
    pinned(vm.pinned);
  };
  for (const name of PIN_NATIVES) m.set(name, name.endsWith("Pin") ? pin : unpin);
}

/** Buckets of the semaphore table (Go: 251, a prime so addresses spread). */
const SEMTABLE_SIZE = 251;

/** sync.notifyList layout. */
const NL_WAIT = 0;
const NL_NOTIFY = 4;
const NL_HEAD = 16;
const NL_TAIL = 24;
const NOTIFYLIST_BYTES = 32;

export class Semas {
  /** SEMTABLE_SIZE × (first u32, last u32). */
  readonly table: number;

  constructor(readonly sched: Sched) {
    this.table = sched.heap.mheap.persistentAlloc(SEMTABLE_SIZE * 8, 8, ST_OTHER_SYS);
  }

  private bucket(addr: number): number {
    return this.table + ((addr >>> 3) % SEMTABLE_SIZE) * 8;
  }

  /**
   * Acquire for the running G g (restartable). Returns true when acquired, false when g parked.
   */
  semacquire(g: number, addr: number, lifo: boolean, reason: number): boolean {
    const sched = this.sched;
    const u32 = sched.mem.u32;
    const ps = u32[(g + G_PARKSTATE) >>> 2];
    if (ps !== 0) {
      u32[(g + G_PARKSTATE) >>> 2] = 0;
      sched.releaseSudog(ps);
      return true;
    }
    const v = u32[addr >>> 2];
    if (v > 0) {
      u32[addr >>> 2] = v - 1;
      return true;
    }
    const sg = sched.acquireSudog();
    const u = sched.mem.u32;
    u[(sg + SG_G) >>> 2] = g;
    u[(sg + SG_C) >>> 2] = addr;
    const b = this.bucket(addr);
    const first = u[b >>> 2];
    if (lifo && first !== 0) {
      u[(sg + SG_NEXT) >>> 2] = first;
      u[(first + SG_PREV) >>> 2] = sg;
      u[b >>> 2] = sg;
    } else {
      const last = u[(b + 4) >>> 2];
      u[(sg + SG_PREV) >>> 2] = last;
      if (last === 0) u[b >>> 2] = sg;
      else u[(last + SG_NEXT) >>> 2] = sg;
      u[(b + 4) >>> 2] = sg;
    }
    u[(g + G_PARKSTATE) >>> 2] = sg;
    sched.gopark(g, reason);
    return false;
  }

  /**
   * Release: hand the count to the first waiter on addr (returns true: it is readied into
   * runnext), or increment *addr (returns false). `rel` (the
   * releasing G) and `skip` feed the mutex profile (prof.ts mutexRelease); 0 = not profiled.
   */
  semrelease(addr: number, rel = 0, skip = 0): boolean {
    const sched = this.sched;
    const u32 = sched.mem.u32;
    const b = this.bucket(addr);
    for (let sg = u32[b >>> 2]; sg !== 0; sg = u32[(sg + SG_NEXT) >>> 2]) {
      if (u32[(sg + SG_C) >>> 2] !== addr) continue;
      const prev = u32[(sg + SG_PREV) >>> 2];
      const next = u32[(sg + SG_NEXT) >>> 2];
      if (prev === 0) u32[b >>> 2] = next;
      else u32[(prev + SG_NEXT) >>> 2] = next;
      if (next === 0) u32[(b + 4) >>> 2] = prev;
      else u32[(next + SG_PREV) >>> 2] = prev;
      if (rel !== 0 && sched.prof.mutexRate > 0) sched.prof.mutexRelease(rel, u32[(sg + SG_G) >>> 2], skip);
      sched.goready(u32[(sg + SG_G) >>> 2]);
      return true;
    }
    u32[addr >>> 2] = (u32[addr >>> 2] + 1) >>> 0;
    return false;
  }

  /** Waiters queued on addr (tests). */
  waiters(addr: number): number {
    const u32 = this.sched.mem.u32;
    let n = 0;
    for (let sg = u32[this.bucket(addr) >>> 2]; sg !== 0; sg = u32[(sg + SG_NEXT) >>> 2]) if (u32[(sg + SG_C) >>> 2] === addr) n++;
    return n;
  }

  // ── notify lists ──

  notifyListAdd(l: number): number {
    const u32 = this.sched.mem.u32;
    const t = u32[(l + NL_WAIT) >>> 2];
    u32[(l + NL_WAIT) >>> 2] = (t + 1) >>> 0;
    return t;
  }

  /** Wait for ticket t (restartable): true when done, false when g parked. */
  notifyListWait(g: number, l: number, t: number): boolean {
    const sched = this.sched;
    const u32 = sched.mem.u32;
    const ps = u32[(g + G_PARKSTATE) >>> 2];
    if (ps !== 0) {
      u32[(g + G_PARKSTATE) >>> 2] = 0;
      sched.releaseSudog(ps);
      return true;
    }
    // Already notified? (ticket older than notify, modulo wraparound)
    if (((t - u32[(l + NL_NOTIFY) >>> 2]) | 0) < 0) return true;
    const sg = sched.acquireSudog();
    const u = sched.mem.u32;
    u[(sg + SG_G) >>> 2] = g;
    u[(sg + SG_TICKET) >>> 2] = t;
    const tail = u[(l + NL_TAIL) >>> 2];
    if (tail === 0) u[(l + NL_HEAD) >>> 2] = sg;
    else u[(tail + SG_NEXT) >>> 2] = sg;
    u[(l + NL_TAIL) >>> 2] = sg;
    u[(g + G_PARKSTATE) >>> 2] = sg;
    sched.gopark(g, WaitReason.SyncCondWait);
    return false;
  }

  notifyListNotifyAll(l: number): void {
    const sched = this.sched;
    const u32 = sched.mem.u32;
    if (u32[(l + NL_WAIT) >>> 2] === u32[(l + NL_NOTIFY) >>> 2]) return;
    u32[(l + NL_NOTIFY) >>> 2] = u32[(l + NL_WAIT) >>> 2];
    let sg = u32[(l + NL_HEAD) >>> 2];
    u32[(l + NL_HEAD) >>> 2] = 0;
    u32[(l + NL_TAIL) >>> 2] = 0;
    while (sg !== 0) {
      const next = u32[(sg + SG_NEXT) >>> 2];
      u32[(sg + SG_NEXT) >>> 2] = 0;
      sched.goready(u32[(sg + SG_G) >>> 2]);
      sg = next;
    }
  }

  notifyListNotifyOne(l: number): void {
    const sched = this.sched;
    const u32 = sched.mem.u32;
    const t = u32[(l + NL_NOTIFY) >>> 2];
    if (u32[(l + NL_WAIT) >>> 2] === t) return;
    u32[(l + NL_NOTIFY) >>> 2] = (t + 1) >>> 0;
    let prev = 0;
    for (let sg = u32[(l + NL_HEAD) >>> 2]; sg !== 0; prev = sg, sg = u32[(sg + SG_NEXT) >>> 2]) {
      if (u32[(sg + SG_TICKET) >>> 2] !== t) continue;
      const next = u32[(sg + SG_NEXT) >>> 2];
      if (prev === 0) u32[(l + NL_HEAD) >>> 2] = next;
      else u32[(prev + SG_NEXT) >>> 2] = next;
      if (next === 0) u32[(l + NL_TAIL) >>> 2] = prev;
      u32[(sg + SG_NEXT) >>> 2] = 0;
      sched.goready(u32[(sg + SG_G) >>> 2]);
      return;
    }
    // Ticket t's waiter has not queued yet: it will see notify > t and not sleep.
  }

  addNatives(m: Map<string, NativeFn>): void {
    const se = this;
    const sched = this.sched;
    m.set("sync.runtime_Semacquire", (vm, g, args) => {
      se.semacquire(g, vm.mem.u32[args >>> 2], false, WaitReason.Semacquire);
    });
    // Go 1.19 shows "semacquire" for Mutex/RWMutex waits too (reference/schedtrace.md).
    m.set("sync.runtime_SemacquireMutex", (vm, g, args) => {
      const got = se.semacquire(g, vm.mem.u32[args >>> 2], vm.mem.u32[(args + 8) >>> 2] !== 0, WaitReason.Semacquire);
      if (!got && sched.prof.waitsNoted) sched.prof.mutexWait(g, vm.mem.i32[(args + 16) >>> 2]); // block/mutex profiles (prof.ts)
    });
    // handoff (a starving Mutex): the woken waiter got the count and sits in runnext; the
    // releaser yields to the local queue's tail so the waiter runs now (Go's goyield). The
    // yield re-executes this native (G_PARKSTATE = 1), which then only returns.
    m.set("sync.runtime_Semrelease", (vm, g, args) => {
      const u32 = vm.mem.u32;
      if (u32[(g + G_PARKSTATE) >>> 2] !== 0) {
        u32[(g + G_PARKSTATE) >>> 2] = 0;
        return;
      }
      const woke = se.semrelease(u32[args >>> 2], g, vm.mem.i32[(args + 16) >>> 2]);
      if (woke && vm.mem.u8[args + 8] !== 0) {
        u32[(g + G_PARKSTATE) >>> 2] = 1;
        sched.goyield(g);
      }
    });
    m.set("sync.runtime_notifyListAdd", (vm, _g, args, res) => {
      vm.mem.i64[res >>> 3] = BigInt(se.notifyListAdd(vm.mem.u32[args >>> 2]));
    });
    m.set("sync.runtime_notifyListWait", (vm, g, args) => {
      se.notifyListWait(g, vm.mem.u32[args >>> 2], vm.mem.u32[(args + 8) >>> 2]);
    });
    m.set("sync.runtime_notifyListNotifyAll", (vm, _g, args) => se.notifyListNotifyAll(vm.mem.u32[args >>> 2]));
    m.set("sync.runtime_notifyListNotifyOne", (vm, _g, args) => se.notifyListNotifyOne(vm.mem.u32[args >>> 2]));
    m.set("sync.runtime_notifyListCheck", (vm, _g, args) => {
      const size = Number(vm.mem.i64[args >>> 3]);
      if (size !== NOTIFYLIST_BYTES) fatal(`runtime: bad notifyList size - sync=${size} runtime=${NOTIFYLIST_BYTES}`);
    });
    // One P on one thread: spinning never helps.
    m.set("sync.runtime_canSpin", (vm, _g, _args, res) => {
      vm.mem.i64[res >>> 3] = 0n;
    });
    m.set("sync.runtime_doSpin", () => {});
    m.set("sync.runtime_nanotime", (vm, _g, _args, res) => {
      vm.mem.i64[res >>> 3] = BigInt(Math.floor(sched.clock.now()));
    });
    // sync's fatal errors (Go's runtime.throw / runtime.fatal linked into sync): the message,
    // then every goroutine's traceback, exit 2 (Sched.throwFromGo).
    const goString = (vm: Parameters<NativeFn>[0], args: number): string => {
      const p = vm.mem.u32[args >>> 2];
      const n = Number(vm.mem.i64[(args + 8) >>> 3]);
      return new TextDecoder().decode(vm.mem.u8.subarray(p, p + n));
    };
    m.set("sync.throw", (vm, g, args) => sched.throwFromGo(g, goString(vm, args)));
    m.set("sync.fatal", (vm, g, args) => sched.throwFromGo(g, goString(vm, args)));
    addPoolNatives(sched, m); // syncpool.ts
    // this thread's current P (worker Ms pin to their own: mthreadnatives.ts)
    addPinNatives(m, () => sched.mem.u32[(sched.p + P_ID) >>> 2]);
  }
}
