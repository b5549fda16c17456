/**
 * mgcidle.ts — idle mark workers: worker-thread Ms whose P has no goroutine drain grey objects
 * of the running cycle, in parallel with the runtime server (which marks, runs goroutines and
 * serves requests meanwhile). Go counterpart: gcBgMarkWorker in gcMarkWorkerIdleMode on an idle
 * P (mgc.go / proc.go findRunnableGCWorker), written afresh around gort's server.
 *
 * A JOB. The server hands an idle M (its mailbox record SERVING, waiting for a G) one full work
 * buffer of grey objects and JOB_SPARE empty buffers, in a reply whose R1 is MARK_JOB:
 *   R0 = the full buffer, R2 = the head of the spare list (linked by the buffers' next words).
 * The M builds a Marker over exactly those buffers (`JobMarker`: its pool can take no page) and
 * drains: pops an object, scans it with the heap bitmap, greys every white object it points to
 * (mark bit set with Atomics.or) and pushes the scannable ones onto its own buffers. It works
 * in chunks of JOB_CHUNK scan bytes and stops when its queue is empty, before the head of an
 * object larger than MAX_OBLET_BYTES (the server splits those into oblets), when fewer than
 * JOB_RESERVE empty buffers are left (its grey objects are better shared), after JOB_MS, or when
 * the server asks (MB_YIELD: a stop-the-world). It then posts OP_MARKDONE with its full-list and
 * empty-list heads, scan work, marked bytes, the large head it stopped at and its time; the
 * server puts the buffers back in its pool, counts the work (Collector.markJobDone: idle mark
 * time, assist credit) and replies with the next job at once when there is work.
 *
 * SPARE SIZING. One chunk scans at most JOB_CHUNK + MAX_OBLET_BYTES bytes (it stops after the
 * object that reaches its budget; larger heads are left, oblet pieces are ≤ MAX_OBLET_BYTES) and
 * pushes at most one object per 8 bytes scanned, i.e. at most JOB_RESERVE − 1 buffers' worth,
 * plus the partly filled buffer. A chunk starts only with JOB_RESERVE empty buffers, so a job
 * never needs a page (its pool would throw: a gort bug, reported by the M as a crash).
 *
 * WHY IT IS SOUND beside a server that marks and mutates:
 *   - mark bits: every setter uses Atomics.or while any M exists (Marker.atomicMarks, and
 *     allocate-black's spanSetMarked always): of two threads greying one object exactly one
 *     sees the bit clear and pushes it, and no bit of a shared word is lost;
 *   - what a job reads: heap objects' words, the heap bitmap, span records and the arena
 *     index. The hybrid barrier shades both the old and the new value of every pointer store
 *     during the mark (the server's barrier; an M's stores go to the server while the flag is
 *     on), and objects allocated during the mark are black. So a word read while the server
 *     stores to it is shaded whichever value the job sees, and a pointer to an object newer
 *     than the job's view of memory (beyond its memEnd, or in a span it reads as not in use) is
 *     to a black object: skipping it loses nothing. Spans are not swept or freed during a mark;
 *     heap objects never point into stacks;
 *   - completion: the grey objects of a job are in its buffers, so the mark is not done while a
 *     job is out (Marker.jobsOut). Once every job is back and the server's queue is empty, only
 *     the server can make a new grey object, so "no work" is still final (mgcthreads.ts);
 *   - stop the world: an M in a job is running (state NONE); it stops at its OP_MARKDONE, whose
 *     buffers `absorbStopped` takes back without a reply (runtime.GC's stuck-mark path);
 *   - nothing of a job is a JavaScript object of the Go program: the queue is work buffers in
 *     linear memory, the job's Marker and pool are per-thread machinery holding addresses.
 *
 * WHEN. Jobs go to Ms that are spawned, ready, idle (no G) and not in a job, while the mark is
 * under way and the server has a full buffer to give (or ≥ SHARE_MIN entries in its current
 * one, whose older half it gives). Before any M is spawned (mserverrun.ts: one-goroutine programs never spawn one), a
 * cycle whose scannable heap is ≥ HELPER_MIN_SCAN spawns the last M as a mark helper (from the
 * server loop, not inside the pause): the program stays on this thread as at GOMAXPROCS = 1 (no
 * stop-the-world, the collector's own fractional worker and assists), only marking gains a
 * thread. The helper becomes an ordinary M when the policy later spawns the Ms.
 * GORT_GC_IDLE_WORKERS=0 turns all of this off (measurements).
 *
 * Rejected: Ms taking full buffers from the server's pool themselves (a lock-free list in linear
 * memory, Go's lfstack): the pool's lists are the server's JS fields today, and the jobs' round
 * trip (one per ≈ 0.3–1 ms of marking) is small; letting idle Ms scan stacks (a stack is scanned
 * at a safe point the server decides, mgcthreads.ts). (Idle Ms also sweep: mgcsweepjob.ts.)
 */

import type { Collector } from "./mgc.js";
import { GC_MARK } from "./mgc.js";
import { MAX_OBLET_BYTES, Marker } from "./mgcmark.js";
import { WB_NEXT, WB_NOBJ, WB_OBJ, WORKBUF_ENTRIES, WorkbufPool } from "./mgcwork.js";
import type { LinearMemory } from "./mem.js";
import { MB_YIELD, type Mailbox } from "./mailbox.js";

/** SCHED-reply kind (R1) of a mark job (mworker.ts: 0 = a G, 1 = exit). */
export const MARK_JOB = 2;
/**
 * A job drains in chunks of this much scan work, checking its room, the clock and the stop
 * request between chunks.
 */
export const JOB_CHUNK = 128 << 10;
/**
 * Longest job (ms). Trade-off: the M's round trip to the server waits for the server's current
 * slice (0.1–15 ms measured: a slice of map-heavy code is long), so a job must be long to keep
 * the M busy; but the mark cannot complete, and runtime.GC's stop cannot begin, before the job
 * is back (a stop asks for it at once: MB_YIELD, checked between chunks).
 */
export const JOB_MS = 4;
/** Empty buffers a job needs before each chunk (SPARE SIZING), + 1 for the buffer being filled. */
export const JOB_RESERVE = Math.ceil((JOB_CHUNK + MAX_OBLET_BYTES) / 8 / WORKBUF_ENTRIES) + 1;
/** Spare buffers per job: the reserve plus room for the job's grey objects to grow into. */
export const JOB_SPARE = JOB_RESERVE + 16;
/** Entries of the server's current buffer from which half is shared when its pool has no full buffer. */
export const SHARE_MIN = 2;
/**
 * Heap scan work (bytes) of the previous cycle from which a program without Ms spawns a mark
 * helper: a thread costs ≈ 0.1 s of start-up and an isolate's memory, worth it only when each
 * cycle has several ms of marking to share (a big pointer-free array has none).
 */
export const HELPER_MIN_SCAN = 4 << 20;
/** Mailbox operand words beyond A0…A3 that OP_MARKDONE uses (A4: large head, A5: µs). */
const A_STOPPED = 6;
const A_MICROS = 7;


/** GORT_GC_IDLE_WORKERS=0: no mark jobs (A/B measurements). */
export const IDLE_WORKERS_ON = typeof process === "undefined" || process.env.GORT_GC_IDLE_WORKERS !== "0";

/** The server's side: hands out jobs and takes them back. */
export class IdleMarkers {
  /** M i has a job out. */
  readonly inJob: boolean[];
  /** Statistics (tests, GORT_MTHREADS_STATS): jobs given / their scan work (bytes) / µs. */
  jobs = 0;
  jobWork = 0;
  jobMicros = 0;
  /** Helpers spawned before the Ms (HELPER_MIN_SCAN). */
  helpers = 0;
  /** Jobs taken back from Ms stopped by a stop-the-world (collectMarkJobs). */
  collected = 0;

  constructor(
    readonly gc: Collector,
    readonly box: Mailbox,
    cap: number,
  ) {
    this.inJob = new Array<boolean>(cap).fill(false);
  }

  /** One line of statistics (GORT_MTHREADS_STATS=1). */
  statsLine(): string {
    return `mthreads idle mark workers: ${this.jobs} jobs, ${(this.jobWork / 1048576).toFixed(1)} MB scanned in ${(this.jobMicros / 1000).toFixed(1)} ms, ${this.helpers} helper M spawned before the Ms\n`;
  }

  /** Jobs out now. */
  out(): number {
    return this.gc.marker.jobsOut;
  }

  /**
   * Gives M i (idle, ready, its record SERVING) a job if the mark has grey objects to share.
   * Returns true when it did.
   */
  give(i: number): boolean {
    const gc = this.gc;
    if (!IDLE_WORKERS_ON || gc.phase !== GC_MARK || this.inJob[i] || gc.debug.gcstoptheworld > 0) return false;
    const m = gc.marker;
    const gcw = m.gcw;
    const pool = gcw.pool;
    let b = pool.getFull();
    if (b === 0) {
      // Nothing on the full list: the older half of the server's current buffer (Go's
      // gcw.balance). Even two entries are worth it: one may be an oblet of a huge array.
      const n = gcw.curN;
      if (n < SHARE_MIN) return false;
      const k = n >>> 1;
      b = pool.getEmpty();
      const u32 = pool.u32;
      const src = (gcw.cur + WB_OBJ) >>> 2;
      u32.copyWithin((b + WB_OBJ) >>> 2, src, src + k);
      u32.copyWithin(src, src + k, src + n);
      u32[(b + WB_NOBJ) >>> 2] = k;
      gcw.curN = n - k;
    }
    let spare = 0;
    for (let k = 0; k < JOB_SPARE; k++) {
      const e = pool.getEmpty(); // may grow memory: the M refreshes its views before the job
      pool.u32[(e + WB_NEXT) >>> 2] = spare;
      spare = e;
    }
    pool.u32[(b + WB_NEXT) >>> 2] = 0;
    m.jobsOut++;
    this.inJob[i] = true;
    this.jobs++;
    this.box.reply(i, b, MARK_JOB, spare);
    return true;
  }

  /**
   * M i's OP_MARKDONE (taken: its record SERVING): its buffers go back to the pool, a large
   * object it stopped at is split here, its work is counted (which may finish the mark). Returns
   * the µs the job took on the M.
   */
  absorb(i: number): number {
    const box = this.box;
    const gc = this.gc;
    const m = gc.marker;
    const pool = m.gcw.pool;
    const rec = box.rec(i);
    const full = box.arg(i, 0) >>> 0;
    const empty = box.arg(i, 1) >>> 0;
    const work = box.arg(i, 2) >>> 0;
    const marked = box.arg(i, 3) >>> 0;
    const stopped = box.w[rec + A_STOPPED]! >>> 0;
    const micros = box.w[rec + A_MICROS]! >>> 0;
    this.inJob[i] = false;
    const u32 = pool.u32;
    let big = 0;
    for (let b = full; b !== 0; ) {
      const next = u32[(b + WB_NEXT) >>> 2]!;
      let n = u32[(b + WB_NOBJ) >>> 2]!;
      // the large head the job stopped at is on top of the buffer it was popped from
      if (stopped !== 0 && big === 0 && n > 0 && u32[(b + WB_OBJ + ((n - 1) << 2)) >>> 2] === stopped) {
        big = stopped;
        n--;
      }
      if (n > 0) pool.putFull(b, n);
      else pool.putEmpty(b);
      b = next;
    }
    for (let b = empty; b !== 0; ) {
      const next = u32[(b + WB_NEXT) >>> 2]!;
      pool.putEmpty(b);
      b = next;
    }
    if (stopped !== 0 && big === 0) throw new Error(`gort mgcidle: M${i}'s job stopped at ${stopped}, not on top of its buffers`);
    if (big !== 0) {
      m.refresh();
      m.scanobject(big); // its first oblet here, the rest queued as oblets
    }
    this.jobWork += work;
    this.jobMicros += micros;
    gc.markJobDone(work, marked, micros * 1000);
    return micros;
  }
}

/** A worker M's side: one Marker over the buffers of the job in hand. */
export class JobMarker {
  private readonly pool: WorkbufPool;
  private readonly marker: Marker;

  constructor(readonly mem: LinearMemory) {
    // A job's pool holds exactly its buffers: it can take no page (SPARE SIZING).
    this.pool = new WorkbufPool({ allocPages: () => 0, u32: () => mem.u32 });
    this.marker = new Marker(mem, this.pool);
    this.marker.atomicMarks = true;
    this.marker.jobMode = true;
  }

  /**
   * Runs the job of the reply in the M's record `rec` (R0 full buffer, R2 spare list), writes
   * OP_MARKDONE's operands A4 and A5 and puts A0…A3 in `out`: full-list head, empty-list head,
   * scan work, marked bytes. The views are re-read first: the server may have grown memory for
   * the spare buffers.
   */
  run(box: Mailbox, rec: number, out: number[]): void {
    const mem = this.mem;
    mem.refresh();
    const w = box.w;
    const pool = this.pool;
    const m = this.marker;
    const gcw = m.gcw;
    m.refresh();
    pool.refreshView();
    pool.full = w[rec + 8]! >>> 0;
    pool.nfull = 1;
    pool.empty = w[rec + 10]! >>> 0;
    pool.nempty = JOB_SPARE;
    gcw.cur = 0;
    gcw.curN = 0;
    gcw.bytesMarked = 0;
    gcw.heapScanWork = 0;
    const t0 = performance.now();
    let work = 0;
    for (;;) {
      const c = m.drain(JOB_CHUNK);
      work += c;
      if (c < JOB_CHUNK || m.stoppedAt !== 0 || pool.nempty < JOB_RESERVE) break; // (empty / large head / full)
      if (Atomics.load(w, rec + MB_YIELD) !== 0 || performance.now() - t0 > JOB_MS) break;
    }
    gcw.dispose();
    w[rec + A_STOPPED] = m.stoppedAt;
    w[rec + A_MICROS] = Math.round((performance.now() - t0) * 1000);
    out[0] = pool.full;
    out[1] = pool.empty;
    out[2] = work;
    out[3] = gcw.bytesMarked;
    pool.full = 0;
    pool.nfull = 0;
    pool.empty = 0;
  }
}
