/**
 * mmaprace.ts — "concurrent map writes" under worker-thread Ms: Go's detection of unsynchronised
 * map use, for goroutines that really run at the same time. Go counterpart: the hashWriting
 * flag checks in map.go (mapassign, mapdelete, mapaccess*, mapiternext), which throw
 *   fatal error: concurrent map writes
 *   fatal error: concurrent map read and map write
 *   fatal error: concurrent map iteration and map write
 * when one goroutine finds the flag another goroutine set while it was inside a write.
 *
 * In gort every map operation is one native call, and only the runtime server runs natives: a
 * worker M's map operation is a request, executed on the server one at a time (map.ts sets its
 * own writing flag, F_WRITING, which two operations on one thread can never see). So the flag
 * cannot show an overlap. But the overlap itself is observable: while the server executes one
 * goroutine's map operation on map h (a request of M i, or its own slice), another M j whose
 * posted request (mailbox state REQ, not yet served) is a map operation on h has a goroutine
 * inside that operation too. Each of the two goroutines called its operation before the other
 * returned from its own, so neither happened before the other: no program that synchronises
 * its map use (a mutex, a channel, sync.Map's read-only map) can get there. When at least one
 * of them writes, Go's check could have fired, and gort throws the same fatal error, from the
 * goroutine whose operation is being executed, with Go's report (Sched.throwFromGo: that
 * goroutine, then every other).
 *
 * Like Go's, the detection is best effort: it sees an overlap only when one operation's request
 * is still waiting while the other runs (a request waits ≈ 1–50 µs), and goroutines that call
 * natives this often usually run on the server (mserverrun.ts: too chatty for an M), whose
 * slices run one goroutine at a time — as at GOMAXPROCS = 1, where Go never detects either.
 *
 * Rejected: running map operations on the Ms under a flag in the hmap (the operations allocate,
 * store pointers through the barrier and reach the server's Maps objects: every one would be a
 * request anyway); reporting when two Ms merely touch one map close in time (a mutex handoff
 * does that: false reports).
 */

import type { Mailbox } from "./mailbox.js";
import { MB_REQ } from "./mailbox.js";
import type { LinearMemory } from "./mem.js";
import { IT_H } from "./map.js";
import { STK_FP } from "./stack.js";
import { OP_NATIVE } from "./mworker.js";

/** Kinds of map natives. */
const NONE = 0;
const READ = 1;
const WRITE = 2;
const ITER = 3;

/** Map natives: kind, and where the hmap is (0: the word at args+8; 1: it = args; 2: it = *args). */
const MAP_NATIVES: ReadonlyMap<string, [kind: number, at: number]> = new Map([
  ["runtime.mapaccess1", [READ, 0]],
  ["runtime.mapaccess2", [READ, 0]],
  ["runtime.mapassign", [WRITE, 0]],
  ["runtime.mapdelete", [WRITE, 0]],
  ["runtime.mapiterinit", [ITER, 0]],
  ["runtime.mapiternext", [ITER, 1]],
  ["reflect.mapaccess", [READ, 0]],
  ["reflect.mapassign", [WRITE, 0]],
  ["reflect.mapdelete", [WRITE, 0]],
  ["reflect.mapiterinit", [ITER, 0]],
  ["reflect.mapiternext", [ITER, 2]],
]);

/** Go's message for an operation of kind `a` overlapping a write (or a write overlapping `a`). */
function message(a: number, b: number): string {
  if (a === WRITE && b === WRITE) return "concurrent map writes";
  if (a === ITER || b === ITER) return "concurrent map iteration and map write";
  return "concurrent map read and map write";
}

/** The overlap check of one runtime server. */
export class MapRace {
  /** Kind of native i (NONE for every non-map native). */
  private readonly kind: Uint8Array;
  private readonly at: Uint8Array;
  /** Races found (tests). */
  found = 0;

  constructor(
    names: readonly string[],
    readonly mem: LinearMemory,
    readonly box: Mailbox,
  ) {
    this.kind = new Uint8Array(names.length);
    this.at = new Uint8Array(names.length);
    for (let i = 0; i < names.length; i++) {
      const k = MAP_NATIVES.get(names[i]!);
      if (k === undefined) continue;
      this.kind[i] = k[0];
      this.at[i] = k[1];
    }
  }

  /** Native ni is a map operation. */
  isMapOp(ni: number): boolean {
    return this.kind[ni] !== NONE;
  }

  /** The hmap native ni's call with arguments at `args` operates on (0: nil map). */
  private mapOf(ni: number, args: number): number {
    const u32 = this.mem.u32;
    switch (this.at[ni]) {
      case 0:
        return u32[(args + 8) >>> 2]!;
      case 1:
        return u32[(args + IT_H) >>> 2]!;
      default: {
        const it = u32[args >>> 2]!;
        return it === 0 ? 0 : u32[(it + IT_H) >>> 2]!;
      }
    }
  }

  /**
   * Map native ni is about to run with arguments at `args`, for M `self` (−1: the server's own
   * slice, or a request being served: its record is SERVING, not REQ). Returns Go's fatal
   * message if another of the n Ms' waiting requests is a conflicting operation on the same
   * map, else null. A request's arguments are at its G's saved frame pointer + A2.
   */
  check(ni: number, args: number, self: number, n: number): string | null {
    const k = this.kind[ni]!;
    const h = this.mapOf(ni, args);
    if (h === 0) return null;
    const box = this.box;
    const u32 = this.mem.u32;
    for (let j = 0; j < n; j++) {
      if (j === self || box.state(j) !== MB_REQ || box.op(j) !== OP_NATIVE) continue;
      const nj = box.arg(j, 0);
      const kj = nj >= 0 && nj < this.kind.length ? this.kind[nj]! : NONE;
      if (kj === NONE || (k !== WRITE && kj !== WRITE)) continue;
      const g = box.arg(j, 1) >>> 0; // (the requesting G: OP_NATIVE's A1)
      if (g === 0) continue;
      if (this.mapOf(nj, u32[(g + STK_FP) >>> 2]! + box.arg(j, 2)) !== h) continue;
      this.found++;
      return message(k, kj);
    }
    return null;
  }
}
