/**
 * mgclimit.ts — the GC CPU limiter. Counterpart of Go 1.19's src/runtime/mgclimit.go (written
 * afresh).
 *
 * Why: with a memory limit (GOMEMLIMIT / debug.SetMemoryLimit) below what the program really
 * needs, the goal collapses onto the marked heap and the collector would run back to back,
 * starving the program (a "death spiral"). Go bounds GC CPU at roughly 50 % instead and lets the
 * heap overshoot the limit.
 *
 * Model: a leaky bucket of CPU time with capacity 1 CPU-second per P. Over each update window
 * (at most every 10 ms, driven from the allocation slow path, assists and the scheduler's poll):
 *   GC time      = assist time + (while marking) 25 % of the window for the background worker
 *                  (+ the whole window during STW transitions)
 *   mutator time = window − GC time − idle time
 *   fill        += GC time − mutator time, clamped to [0, capacity].
 * The limiter is *on* while the bucket is full; then mark assists are skipped (the debt stays),
 * so the program keeps running at the cost of heap growth. `lastEnabledCycle` is the value of
 * /gc/limiter/last-enabled:gc-cycle.
 *
 * All times are nanoseconds (doubles). A plain object with no clock of its own, so tests can
 * drive it with synthetic times (Go's TestGCCPULimiter does the same).
 */

/** Bucket capacity per P (ns): one CPU-second. */
export const capacityPerProc = 1e9;
/** Longest interval between limiter updates (ns). */
export const gcCPULimiterUpdatePeriod = 10e6;

export class GCCPULimiter {
  /** Bucket contents and capacity (ns). */
  fill = 0;
  capacity: number;
  /** GC time that did not fit in the bucket (ns, cumulative). */
  overflow = 0;
  /** True while the bucket is full: assists are skipped. */
  enabled = false;
  /** GC cycle (1-based) during which the limiter last turned on; 0 = never. */
  lastEnabledCycle = 0;
  /** True while marking (background workers count as 25 % of the window). */
  gcEnabled = false;
  /** True between startGCTransition and finishGCTransition (STW). */
  transitioning = false;
  /** Assist and idle time accumulated since the last update (ns). */
  assistTimePool = 0;
  idleTimePool = 0;
  /** Time of the last update (ns). */
  lastUpdate: number;

  constructor(
    now: number,
    public nprocs: number,
  ) {
    this.capacity = capacityPerProc * nprocs;
    this.lastUpdate = now;
  }

  /** True when enough time passed that update() should run. */
  needUpdate(now: number): boolean {
    return now - this.lastUpdate > gcCPULimiterUpdatePeriod;
  }

  addAssistTime(ns: number): void {
    this.assistTimePool += ns;
  }

  addIdleTime(ns: number): void {
    this.idleTimePool += ns;
  }

  /** Folds the time since the last update into the bucket. `numgc`: completed cycles so far. */
  update(now: number, numgc: number): void {
    if (this.transitioning || now < this.lastUpdate) return;
    let window = (now - this.lastUpdate) * this.nprocs;
    this.lastUpdate = now;
    let gcTime = this.assistTimePool;
    this.assistTimePool = 0;
    const idle = this.idleTimePool;
    this.idleTimePool = 0;
    if (this.gcEnabled) gcTime += window * 0.25;
    window -= idle;
    if (gcTime > window) gcTime = window;
    this.accumulate(window - gcTime, gcTime, numgc);
  }

  private accumulate(mutatorTime: number, gcTime: number, numgc: number): void {
    const headroom = this.capacity - this.fill;
    const wasEnabled = headroom <= 0;
    const change = gcTime - mutatorTime;
    if (change > 0 && headroom <= change) {
      this.overflow += change - headroom;
      this.fill = this.capacity;
      if (!wasEnabled) {
        this.enabled = true;
        this.lastEnabledCycle = numgc + 1;
      }
      return;
    }
    this.fill = Math.max(0, this.fill + change);
    if (change !== 0 && wasEnabled) this.enabled = false;
  }

  /** A stop-the-world GC transition begins (sweep or mark termination). */
  startGCTransition(enableGC: boolean, now: number, numgc: number): void {
    this.update(now, numgc);
    this.gcEnabled = enableGC;
    this.transitioning = true;
  }

  /** The transition ended: its whole duration (× Ps) was GC time. */
  finishGCTransition(now: number, numgc: number): void {
    if (now > this.lastUpdate) {
      const t = (now - this.lastUpdate) * this.nprocs;
      this.accumulate(0, t, numgc);
      this.lastUpdate = now;
    }
    this.transitioning = false;
  }

  /** GOMAXPROCS changed. */
  resetCapacity(now: number, nprocs: number, numgc: number): void {
    this.update(now, numgc);
    this.nprocs = nprocs;
    this.capacity = capacityPerProc * nprocs;
    if (this.fill > this.capacity) {
      this.fill = this.capacity;
      this.enabled = true;
    } else if (this.fill < this.capacity) {
      this.enabled = false;
    }
  }
}
