/**
 * select.ts — the select statement (Go's select.go, written afresh): `runtime.selectgo` and
 * reflect's `rselect`.
 *
 * CALL (Go 1.19's): selectgo(cas0 *scase, order0 *uint16, pc0 *uintptr, nsends, nrecvs int,
 * block bool) (int, bool). cas0 points at nsends send cases followed by nrecvs receive cases,
 * each `scase{c *hchan, elem unsafe.Pointer}` (16 bytes); order0 is caller-provided scratch of
 * 2·ncases uint16 (gort uses the first half as the poll order); pc0 is unused (race detector).
 * Returns the chosen case index (−1: no case ready and !block, i.e. the default branch) and, for
 * a receive, whether a value was received.
 *
 * ALGORITHM (as Go's): (1) a random permutation of the non-nil cases (Fisher–Yates with the
 * scheduler's fastrand), so every ready case is equally likely; (2) one pass in that order taking
 * the first case that can proceed now; (3) none and blocking: a sudog per case is queued on its
 * channel (linked through SG_WAITLINK from G_WAITING), G_SELECTDONE = 0, park "select". The first
 * channel operation that dequeues one of these sudogs sets G_SELECTDONE, so the others are skipped
 * by every later dequeue. (4) On resumption (restartable native: G_PARKSTATE = 1) G_PARAM names
 * the winning sudog, whose SG_TICKET is its case index; the other sudogs are unlinked from their
 * queues and released. Go also sorts cases by channel address to take locks in order: one thread
 * needs no locks.
 */

import type { NativeFn } from "./vm/interp.js";
import { PK_PLAIN } from "./vm/panic.js";
import type { Sched } from "./proc.js";
import { CH_DONE, CH_PANICKED, E_SEND_CLOSED, type Chans } from "./chan.js";
import { G_PARAM, G_PARKSTATE, G_SELECTDONE, G_WAITING, HC_RECVQ, HC_SENDQ, SG_C, SG_ELEM, SG_G, SG_ISSELECT, SG_SUCCESS, SG_TICKET, SG_WAITLINK, WaitReason } from "./runtime2.js";

const SCASE_BYTES = 16;

/** Scratch results of selectgo. */
export class Selects {
  /** Case index chosen by the last completed selectgo (−1 = default). */
  chosen = -1;
  recvOK = false;
  private order = new Int32Array(64);

  constructor(
    readonly sched: Sched,
    readonly chans: Chans,
  ) {}

  /**
   * selectgo for the running G g (restartable). Returns CH_DONE with this.chosen/this.recvOK set,
   * 0 when parked, CH_PANICKED after recording a panic on g.
   */
  selectgo(g: number, cas0: number, nsends: number, nrecvs: number, block: boolean): number {
    const mem = this.sched.mem;
    let u32 = mem.u32;
    const ch = this.chans;
    if (u32[(g + G_PARKSTATE) >>> 2] !== 0) return this.resume(g, nsends);
    const ncases = nsends + nrecvs;
    if (this.order.length < ncases) this.order = new Int32Array(ncases * 2);
    const order = this.order;
    // Poll order: random permutation of the cases with a channel.
    let n = 0;
    for (let i = 0; i < ncases; i++) {
      if (u32[(cas0 + i * SCASE_BYTES) >>> 2] === 0) continue; // nil channel: never ready
      const j = this.sched.fastrandn(n + 1);
      order[n] = order[j];
      order[j] = i;
      n++;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const cs = cas0 + i * SCASE_BYTES;
      const c = u32[cs >>> 2];
      const elem = u32[(cs + 8) >>> 2];
      if (i < nsends) {
        const r = ch.trySend(g, c, elem);
        if (r === CH_PANICKED) return CH_PANICKED;
        if (r === CH_DONE) {
          this.chosen = i;
          this.recvOK = false;
          return CH_DONE;
        }
      } else if (ch.tryRecv(c, elem) === CH_DONE) {
        this.chosen = i;
        this.recvOK = ch.received;
        return CH_DONE;
      }
      u32 = mem.u32;
    }
    if (!block) {
      this.chosen = -1;
      this.recvOK = false;
      return CH_DONE;
    }
    // Queue a sudog on every case's channel, then park.
    u32[(g + G_SELECTDONE) >>> 2] = 0;
    u32[(g + G_PARAM) >>> 2] = 0;
    let last = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const cs = cas0 + i * SCASE_BYTES;
      const sg = this.sched.acquireSudog();
      u32 = mem.u32;
      const c = u32[cs >>> 2];
      u32[(sg + SG_G) >>> 2] = g;
      u32[(sg + SG_ELEM) >>> 2] = u32[(cs + 8) >>> 2];
      u32[(sg + SG_C) >>> 2] = c;
      u32[(sg + SG_ISSELECT) >>> 2] = 1;
      u32[(sg + SG_TICKET) >>> 2] = i;
      if (last === 0) u32[(g + G_WAITING) >>> 2] = sg;
      else u32[(last + SG_WAITLINK) >>> 2] = sg;
      last = sg;
      ch.enqueue(i < nsends ? c + HC_SENDQ : c + HC_RECVQ, sg);
    }
    u32[(g + G_PARKSTATE) >>> 2] = 1;
    this.sched.gopark(g, n === 0 ? WaitReason.SelectNoCases : WaitReason.Select);
    return 0;
  }

  /** Second half of a parked select: find the winner, dequeue and free the rest. */
  private resume(g: number, nsends: number): number {
    const mem = this.sched.mem;
    const u32 = mem.u32;
    const win = u32[(g + G_PARAM) >>> 2];
    u32[(g + G_PARKSTATE) >>> 2] = 0;
    u32[(g + G_PARAM) >>> 2] = 0;
    let sg = u32[(g + G_WAITING) >>> 2];
    u32[(g + G_WAITING) >>> 2] = 0;
    let casi = -1;
    let ok = 0;
    while (sg !== 0) {
      const next = u32[(sg + SG_WAITLINK) >>> 2];
      const i = u32[(sg + SG_TICKET) >>> 2];
      if (sg === win) {
        casi = i;
        ok = u32[(sg + SG_SUCCESS) >>> 2];
      } else {
        const c = u32[(sg + SG_C) >>> 2];
        this.chans.removeSudog(i < nsends ? c + HC_SENDQ : c + HC_RECVQ, sg);
      }
      this.sched.releaseSudog(sg);
      sg = next;
    }
    if (casi < nsends) {
      if (ok === 0) {
        this.sched.vm.setPanic(g, PK_PLAIN, BigInt(E_SEND_CLOSED), 0n);
        return CH_PANICKED;
      }
      this.recvOK = false;
    } else this.recvOK = ok !== 0;
    this.chosen = casi;
    return CH_DONE;
  }

  addNatives(m: Map<string, NativeFn>): void {
    const sel = this;
    m.set("runtime.selectgo", (vm, g, args, res) => {
      const mem = vm.mem;
      const cas0 = mem.u32[args >>> 2];
      const nsends = mem.u32[(args + 24) >>> 2];
      const nrecvs = mem.u32[(args + 32) >>> 2];
      const block = mem.u32[(args + 40) >>> 2] !== 0;
      if (sel.selectgo(g, cas0, nsends, nrecvs, block) === CH_DONE) {
        const i64 = vm.mem.i64;
        i64[res >>> 3] = BigInt(sel.chosen);
        i64[(res + 8) >>> 3] = sel.recvOK ? 1n : 0n;
      }
    });
  }
}
