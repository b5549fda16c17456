/**
 * mgcsweepjob.ts — idle sweep workers: worker-thread Ms whose P has no goroutine sweep spans of
 * the current sweep phase beside the runtime server. Go counterpart: the background sweeper and
 * the proportional sweepers running on several Ps at once (mgcsweep.go's sweepone on many
 * threads), written afresh around gort's server, which owns mcentral's lists and the page heap.
 *
 * THE SPLIT. A span's sweep has three parts (mgcsweep.ts):
 *   - presweep: finalizer records of dead objects (resurrected and queued) and the heap
 *     profile's frees. They touch the server's finalizer queue and profile tables: the server
 *     runs them when it claims the span;
 *   - the bit work (mspan.ts sweepBits): count the marked objects, turn the mark bits into the
 *     allocation bits, clear the old bitmap as the next mark bits, reset the allocation cache;
 *     with GODEBUG=clobberfree=1, also overwrite the dead objects. Only the span's record, its two
 *     bitmaps and its dead objects are written: the M does this part;
 *   - postsweep: sweepgen, the free counts in the statistics, and the span onto mcentral's swept
 *     list or back to the page heap. The server does it when the job comes back.
 *
 * A JOB. The server claims up to SWEEP_JOB_SPANS spans from the sweep cursor (Sweeper.claim:
 * each moves to sweepgen sg−1, so no allocator, sweeper or reclaimer takes it), links them
 * through SP_NEXT and replies to an idle M (its record SERVING) with R0 = the first span,
 * R1 = SWEEP_JOB, R2 = the count, R3 = clobberfree. The M sweeps the chain and posts
 * OP_SWEEPDONE with A0 = µs spent. The server remembers each claimed span and its allocCount
 * before the sweep, so the frees are old − new, and finishes the spans (Sweeper.absorb). The
 * next job goes out at once while spans are left.
 *
 * WHY IT IS SOUND:
 *   - a claimed span is off every list and at sg−1: the server's allocator, sweepers and
 *     reclaimer skip it, and the mark is not running (jobs go out only in the sweep phase,
 *     and gcStart finishes the sweep first, waiting for jobs: Sweeper.awaitJobs). What the server
 *     may still do to such a span: a SetFinalizer adds a record to its specials list, a word the
 *     M never touches;
 *   - ordering: the reply and the request are Atomics stores and loads of the mailbox state, so
 *     the presweep's writes (resurrection marks) happen before the M's bit work, and the M's
 *     writes before the server's postsweep;
 *   - the phase is not done while a job is out (Sweeper.jobsOut); a stop-the-world absorbs the
 *     jobs of the Ms it stopped, which are all at their OP_SWEEPDONE (a job never waits for the
 *     server), so nothing of a sweep is in flight while the world is stopped.
 *
 * WHEN. Jobs go to Ms that are spawned, ready, idle and in no job, while a sweep phase has
 * spans left on its lists and no collection is pending. Most programs have no such M (the
 * server-first policy, mserverrun.ts); a program with a mark helper (mgcidle.ts) has one, and it
 * sweeps between the marks. GORT_GC_IDLE_WORKERS=0 turns these jobs off too, GORT_GC_IDLE_SWEEP=0
 * only these.
 *
 * Rejected: the M pushing spans onto mcentral's lists or freeing them itself (both are the
 * server's single-threaded structures; lock words for them would tax every refill of a program
 * with no Ms); the M running presweep (finalizer queue and profile buckets are JavaScript-side
 * tables of the server).
 */

import type { Sweeper } from "./mgcsweep.js";
import { clobberSpan } from "./mgcsweep.js";
import type { LinearMemory } from "./mem.js";
import type { Mailbox } from "./mailbox.js";
import { SP_NEXT, sweepBits } from "./mspan.js";

/** SCHED-reply kind (R1) of a sweep job (mworker.ts: 0 = a G, 1 = exit, 2 = a mark job). */
export const SWEEP_JOB = 3;
/**
 * Spans per job. A span's bit work is 0.1–1 µs; a job's round trip waits for the server's
 * current slice (up to milliseconds), so a job must hold many spans, but not so many that the
 * allocator finds nothing to sweep and grows the heap instead.
 */
export const SWEEP_JOB_SPANS = 256;

/** GORT_GC_IDLE_WORKERS=0 (no mark or sweep jobs) or GORT_GC_IDLE_SWEEP=0: no sweep jobs (A/B measurements). */
const IDLE_SWEEP_ON = typeof process === "undefined" || (process.env.GORT_GC_IDLE_WORKERS !== "0" && process.env.GORT_GC_IDLE_SWEEP !== "0");

/** The server's side: claims spans for idle Ms and finishes them when they come back. */
export class IdleSweepers {
  /** M i has a sweep job out. */
  readonly inJob: boolean[];
  /** The spans of M i's job and their allocCounts before the sweep. */
  private readonly spans: Uint32Array[];
  private readonly olds: Uint32Array[];
  private readonly count: number[];
  /** Statistics (tests, GORT_MTHREADS_STATS): jobs, spans swept in them, µs spent. */
  jobs = 0;
  jobSpans = 0;
  jobMicros = 0;
  /** Jobs absorbed at a stop-the-world or by gcStart's wait rather than in the loop. */
  awaited = 0;

  constructor(
    readonly sweeper: Sweeper,
    readonly box: Mailbox,
    cap: number,
  ) {
    this.inJob = new Array<boolean>(cap).fill(false);
    this.spans = Array.from({ length: cap }, () => new Uint32Array(SWEEP_JOB_SPANS));
    this.olds = Array.from({ length: cap }, () => new Uint32Array(SWEEP_JOB_SPANS));
    this.count = new Array<number>(cap).fill(0);
  }

  /** One line of statistics (GORT_MTHREADS_STATS=1). */
  statsLine(): string {
    return `mthreads idle sweep workers: ${this.jobs} jobs, ${this.jobSpans} spans in ${(this.jobMicros / 1000).toFixed(1)} ms, ${this.awaited} absorbed by a wait\n`;
  }

  /** Jobs out now. */
  out(): number {
    return this.sweeper.jobsOut;
  }

  /** The sweep phase has spans to hand out. */
  wanted(): boolean {
    return IDLE_SWEEP_ON && !this.sweeper.done && this.sweeper.hasUnclaimed();
  }

  /** Gives M i (idle, ready, its record SERVING) a sweep job if spans are left. True if it did. */
  give(i: number): boolean {
    if (!IDLE_SWEEP_ON || this.inJob[i]) return false;
    const n = this.sweeper.claim(SWEEP_JOB_SPANS, this.spans[i]!, this.olds[i]!);
    if (n === 0) return false;
    this.count[i] = n;
    this.inJob[i] = true;
    this.jobs++;
    this.jobSpans += n;
    this.box.reply(i, this.spans[i]![0]!, SWEEP_JOB, n, this.sweeper.clobberfree ? 1 : 0);
    return true;
  }

  /**
   * M i's job will never come back (its thread did not stop at the program's end): its spans
   * stay claimed, off every list, and the phase no longer waits for them.
   */
  abandon(i: number): void {
    this.inJob[i] = false;
    this.count[i] = 0;
    this.sweeper.jobsOut--;
    if (this.sweeper.jobsOut === 0 && !this.sweeper.hasUnclaimed()) this.sweeper.sweepone(); // (ends the phase)
  }

  /** M i's OP_SWEEPDONE (taken: its record SERVING): its spans are finished here. Returns the job's µs. */
  absorb(i: number): number {
    this.inJob[i] = false;
    const micros = this.box.arg(i, 0) >>> 0;
    this.jobMicros += micros;
    this.sweeper.absorb(this.spans[i]!, this.olds[i]!, this.count[i]!);
    this.count[i] = 0;
    return micros;
  }
}

/**
 * A worker M's side: sweeps the chain of the reply in its record `rec` (R0 first span, R2
 * count, R3 clobberfree). Returns the µs it took. The views are re-read first: memory may have
 * grown since the M last ran.
 */
export function runSweepJob(mem: LinearMemory, box: Mailbox, rec: number): number {
  mem.refresh();
  const w = box.w;
  const t0 = performance.now();
  let s = w[rec + 8]! >>> 0;
  const n = w[rec + 10]!;
  const clobber = w[rec + 11] !== 0;
  const u32 = mem.u32;
  for (let k = 0; k < n && s !== 0; k++) {
    if (clobber) clobberSpan(mem, s);
    sweepBits(mem, s);
    s = u32[(s + SP_NEXT) >>> 2]! >>> 0;
  }
  return Math.round((performance.now() - t0) * 1000);
}
