/**
 * mgcpacer.ts — the GC pacer: when to start a cycle and how hard to mark. Counterpart of Go
 * 1.19's src/runtime/mgcpacer.go (written afresh for gort).
 *
 * Model (Go 1.18+ "pacer redesign", proposal 44167, plus the 1.19 memory limit, proposal 48409):
 *
 *   heap goal   G = marked + (marked + lastStackScan + globalsScan) × GOGC/100,
 *                   never below heapMinimum = 4 MiB × GOGC/100; GOGC=off ⇒ "infinite".
 *   limit goal  L = memoryLimit − (nonHeapMemory + overage) − 1 MiB headroom, not below marked.
 *   goal           = min(G, L)  (while sweeping, never below heapLive-at-sweep-start + 1 MiB).
 *   trigger     T = goal − runway, runway = consMark × (1−u)/u × (expected scan work), u = 0.25,
 *                   clamped to [marked + 45/64·(goal−marked), max(marked + 61/64·(goal−marked),
 *                   goal − 4 MiB)].
 *   consMark      = the allocation-rate / scan-rate ratio measured at the end of each cycle, fed
 *                   through a PI controller (kp 0.9, ti 4, tt 1000) to smooth it.
 *   assist ratio  = remaining scan work / remaining heap runway (bytes of scan work a goroutine
 *                   owes per byte it allocates while marking).
 *
 * All byte quantities are JS doubles holding non-negative integers. Go keeps them in uint64; the
 * values a real gort heap reaches stay far below 2^53, where doubles are exact. The two "infinite"
 * quantities are handled specially:
 *   - GOGC=off makes the GOGC goal `NO_GOAL` (2^64, i.e. Go's ^uint64(0)), so any finite limit goal
 *     wins the min();
 *   - the default memory limit is math.MaxInt64 (2^63−1), which a double cannot hold. It is kept
 *     exactly as a bigint (`memoryLimitBig`) and approximately as a double (`memoryLimit`); the
 *     reporting path (`heapGoalExact`, used by gctrace and MemStats.NextGC) recomputes the limit
 *     goal in bigint so GOGC=off prints Go's exact `8796093022188 MB goal`-style figure.
 *
 * Invariants:
 *   - `triggered === NO_TRIGGER` outside a cycle; set to the trigger at `startCycle`.
 *   - `commit` runs with the world stopped or under the heap lock (single thread here): after a
 *     cycle, after SetGCPercent/SetMemoryLimit, and when sweeping finishes.
 *   - `revise` runs whenever heapLive or the scan work changes while marking.
 *
 * Rejected designs:
 *   - the pre-1.18 trigger-ratio controller (gcTriggerRatio with a P controller on heap growth):
 *     it ignores stacks and globals, which Go 1.18 made part of the goal and gctrace prints;
 *   - bigint everywhere: every allocation slow path reads heapLive/trigger, and bigint arithmetic
 *     there costs ~100 ns per operation for precision no realistic heap needs.
 *
 * The object is a plain constructible class (no module state) so tests can simulate many cycles
 * like Go's mgcpacer_test.go does.
 */

/** Go's gcGoalUtilization / gcBackgroundUtilization: background marking takes 25 % of the CPU. */
export const gcBackgroundUtilization = 0.25;
export const gcGoalUtilization = gcBackgroundUtilization;
/** Scan work a goroutine may owe or bank before flushing it to the global pool (bytes). */
export const gcCreditSlack = 2000;
/** Assist time a P may accumulate before flushing it (ns). */
export const gcAssistTimeSlack = 5000;
/** Extra scan work an assist does beyond its debt, to amortise assist entry cost (bytes). */
export const gcOverAssistWork = 64 << 10;
/** Go's 4 MiB minimum heap goal at GOGC=100 (scaled by GOGC/100). */
export const defaultHeapMinimum = 4 << 20;
/** Stack-scan estimate slack per P before publishing (bytes). */
export const maxStackScanSlack = 8 << 10;
/** Room left below the memory limit for fragmentation and late accounting (bytes). */
export const memoryLimitHeapGoalHeadroom = 1 << 20;
/** While sweeping, the next trigger stays at least this far above heapLive (Go: 1 MiB). */
export const sweepMinHeapDistance = 1 << 20;
/** math.MaxInt64, the "no memory limit" value. */
export const maxInt64 = (1n << 63n) - 1n;
/** Go's ^uint64(0) as a goal: "no GOGC goal" (GOGC=off). */
export const NO_GOAL = 2 ** 64;
/** Go's ^uint64(0) as `triggered`: no cycle is running. */
export const NO_TRIGGER = 2 ** 64;

const triggerRatioDen = 64;
const minTriggerRatioNum = 45; // ≈ 0.7
const maxTriggerRatioNum = 61; // ≈ 0.95
const TWO53 = 2 ** 53;

/**
 * The memory figures the limit-based goal needs, supplied by the heap (mheap/mstats).
 * All in bytes, read at the moment the goal is computed.
 */
export interface PacerMemorySource {
  /** Free heap pages still backed by memory (not released). */
  heapFree(): number;
  /** Bytes in allocated heap objects (totalAlloc − totalFree). */
  heapAlloc(): number;
  /** All memory the runtime holds in the ready (backed) state. */
  mappedReady(): number;
}

/** A PacerMemorySource backed by plain fields, for tests and early bring-up. */
export class FixedMemorySource implements PacerMemorySource {
  /** Set by the test; bytes. */
  free = 0;
  /** Set by the test; bytes. */
  alloc = 0;
  /** Set by the test; bytes. */
  ready = 0;
  heapFree(): number {
    return this.free;
  }
  heapAlloc(): number {
    return this.alloc;
  }
  mappedReady(): number {
    return this.ready;
  }
}

/**
 * A proportional-integral controller with anti-windup (Go's piController). Used to smooth the
 * cons/mark ratio between cycles.
 */
export class PIController {
  /** Integral of the error so far (written by next/reset). */
  errIntegral = 0;
  /** Set once the integral overflowed to ±Inf/NaN. */
  errOverflow = false;
  /** Set once the output overflowed to ±Inf/NaN. */
  inputOverflow = false;
  /** Output of the last next() call, valid when `ok` of that call was true. */
  constructor(
    readonly kp: number,
    readonly ti: number,
    readonly tt: number,
    readonly min: number,
    readonly max: number,
  ) {}

  /** Advances the controller by `period`; returns the new output, or NaN when it was reset. */
  next(input: number, setpoint: number, period: number): number {
    const prop = this.kp * (setpoint - input);
    const raw = prop + this.errIntegral;
    let out = raw;
    if (!Number.isFinite(out)) {
      this.errIntegral = 0;
      this.inputOverflow = true;
      return NaN;
    }
    if (out < this.min) out = this.min;
    else if (out > this.max) out = this.max;
    if (this.ti !== 0 && this.tt !== 0) {
      this.errIntegral += ((this.kp * period) / this.ti) * (setpoint - input) + (period / this.tt) * (out - raw);
      if (!Number.isFinite(this.errIntegral)) {
        this.errIntegral = 0;
        this.errOverflow = true;
        return NaN;
      }
    }
    return out;
  }
}

/** Why a cycle starts (Go's gcTriggerKind). */
export const enum GCTriggerKind {
  /** heapLive reached the trigger. */
  Heap = 0,
  /** No cycle for forcegcperiod (2 minutes). */
  Time = 1,
  /** runtime.GC / debug.FreeOSMemory: user-forced. */
  Cycle = 2,
}

/**
 * The pacer state (Go's gcControllerState). One per runtime instance; tests build their own.
 * Byte quantities are doubles; times are nanoseconds (doubles).
 */
export class GCController {
  /** GOGC; −1 means off. Written by setGCPercent. */
  gcPercent = 100;
  /** Memory limit in bytes, exact. Written by setMemoryLimit. */
  memoryLimitBig: bigint = maxInt64;
  /** Same limit as a double (2^63 when unlimited). */
  memoryLimit = Number(maxInt64);
  /** 4 MiB × GOGC/100; the GOGC goal never goes below it. */
  heapMinimum = defaultHeapMinimum;
  /** Bytes of allocation the next cycle needs to finish marking in time (commit). */
  runway = 0;
  /** Smoothed allocation/scan ratio (endCycle). */
  consMark = 0;
  readonly consMarkController = new PIController(0.9, 4.0, 1000, -1000, 1000);
  /** The GOGC-based goal computed by commit (bytes), NO_GOAL when GOGC=off. */
  gcPercentHeapGoal = 0;
  /** While sweeping: heapLive at sweep start + 1 MiB; 0 when sweeping is done. */
  sweepDistMinTrigger = 0;
  /** Trigger of the running cycle, NO_TRIGGER between cycles. */
  triggered = NO_TRIGGER;
  /** Goal of the last finished cycle (endCycle); printed by gctrace. */
  lastHeapGoal = 0;
  /** Exact version of lastHeapGoal (differs only when the goal is ≥ 2^53). */
  lastHeapGoalExact = 0n;
  /** Bytes in spans handed to mcaches plus large objects since the last mark (mcache refill). */
  heapLive = 0;
  /** Scannable bytes in the heap (upper bound of heap scan work) — updated on allocation. */
  heapScan = 0;
  /** Heap scan work done by the last cycle (bytes). */
  lastHeapScan = 0;
  /** Stack scan work done by the last cycle (bytes). */
  lastStackScan = 0;
  /** Upper bound of scannable stack bytes: all goroutine stacks in use (bytes). */
  maxStackScan = 0;
  /** Scannable globals (bytes of data+bss that may hold pointers). */
  globalsScan = 0;
  /** Bytes marked by the last cycle. */
  heapMarked = 0;
  /** Scan work done this cycle, by root kind (bytes). */
  heapScanWork = 0;
  stackScanWork = 0;
  globalsScanWork = 0;
  /** Background scan credit assists may steal (bytes of scan work). */
  bgScanCredit = 0;
  /** CPU time this cycle, by worker kind (ns). */
  assistTime = 0;
  dedicatedMarkTime = 0;
  fractionalMarkTime = 0;
  idleMarkTime = 0;
  /** When concurrent mark started (ns). */
  markStartTime = 0;
  /** Dedicated workers still to start this cycle. */
  dedicatedMarkWorkersNeeded = 0;
  /** Fraction of one P a fractional worker should use. */
  fractionalUtilizationGoal = 0;
  /** Bytes of scan work per byte allocated (revise). */
  assistWorkPerByte = 0;
  /** Inverse of assistWorkPerByte. */
  assistBytesPerWork = 0;
  /** False in production: commit would check the lock. Kept for parity with Go's test mode. */
  test = false;

  constructor(
    gcPercent: number,
    memoryLimit: bigint,
    readonly mem: PacerMemorySource,
  ) {
    this.setGCPercent(gcPercent);
    this.setMemoryLimit(memoryLimit);
    this.commit(true); // no sweep phase before the first cycle
  }

  /** Sets GOGC (negative ⇒ off, −1); returns the previous value. Caller must then commit. */
  setGCPercent(v: number): number {
    const out = this.gcPercent;
    const p = v < 0 ? -1 : v | 0;
    this.heapMinimum = p < 0 ? 0 : Math.floor((defaultHeapMinimum * p) / 100);
    this.gcPercent = p;
    return out;
  }

  /** Sets the memory limit when `v` ≥ 0; returns the previous limit. Caller must then commit. */
  setMemoryLimit(v: bigint): bigint {
    const out = this.memoryLimitBig;
    if (v >= 0n) {
      this.memoryLimitBig = v;
      this.memoryLimit = Number(v);
    }
    return out;
  }

  /**
   * Recomputes the GOGC goal and the runway from the last cycle's results.
   * Precondition: world stopped or heap lock held. `isSweepDone`: no span is left unswept.
   */
  commit(isSweepDone: boolean): void {
    this.sweepDistMinTrigger = isSweepDone ? 0 : this.heapLive + sweepMinHeapDistance;
    let goal = NO_GOAL;
    if (this.gcPercent >= 0) {
      goal =
        this.heapMarked +
        Math.floor(((this.heapMarked + this.lastStackScan + this.globalsScan) * this.gcPercent) / 100);
    }
    if (goal < this.heapMinimum) goal = this.heapMinimum;
    this.gcPercentHeapGoal = goal;
    const expected = this.lastHeapScan + this.lastStackScan + this.globalsScan;
    this.runway = Math.max(0, Math.floor(((this.consMark * (1 - gcGoalUtilization)) / gcGoalUtilization) * expected));
  }

  /** The memory-limit-based goal (bytes, double). */
  memoryLimitHeapGoal(): number {
    const heapFree = this.mem.heapFree();
    const heapAlloc = this.mem.heapAlloc();
    const mappedReady = this.mem.mappedReady();
    const limit = this.memoryLimit;
    const nonHeap = Math.max(0, mappedReady - heapFree - heapAlloc);
    const overage = mappedReady > limit ? mappedReady - limit : 0;
    if (nonHeap + overage >= limit) return this.heapMarked;
    let goal = limit - (nonHeap + overage);
    if (goal < memoryLimitHeapGoalHeadroom || goal - memoryLimitHeapGoalHeadroom < memoryLimitHeapGoalHeadroom) {
      goal = memoryLimitHeapGoalHeadroom;
    } else {
      goal -= memoryLimitHeapGoalHeadroom;
    }
    if (goal < this.heapMarked) goal = this.heapMarked;
    return goal;
  }

  /** Exact bigint twin of memoryLimitHeapGoal, for reporting when the limit is past 2^53. */
  private memoryLimitHeapGoalBig(): bigint {
    const heapFree = BigInt(this.mem.heapFree());
    const heapAlloc = BigInt(this.mem.heapAlloc());
    const mappedReady = BigInt(this.mem.mappedReady());
    const limit = this.memoryLimitBig;
    const marked = BigInt(this.heapMarked);
    let nonHeap = mappedReady - heapFree - heapAlloc;
    if (nonHeap < 0n) nonHeap = 0n;
    const overage = mappedReady > limit ? mappedReady - limit : 0n;
    if (nonHeap + overage >= limit) return marked;
    let goal = limit - (nonHeap + overage);
    const head = BigInt(memoryLimitHeapGoalHeadroom);
    if (goal < head || goal - head < head) goal = head;
    else goal -= head;
    if (goal < marked) goal = marked;
    return goal;
  }

  /** Scratch result of heapGoalInternal: the minimum trigger (bytes). */
  private minTriggerOut = 0;

  /** The goal of the current cycle; also leaves the sweep-distance minimum trigger in minTriggerOut. */
  private heapGoalInternal(): number {
    let goal = this.gcPercentHeapGoal;
    let minTrigger = 0;
    const limitGoal = this.memoryLimitHeapGoal();
    if (limitGoal < goal) {
      goal = limitGoal;
    } else {
      const sweepDist = this.sweepDistMinTrigger;
      if (sweepDist > goal) goal = sweepDist;
      minTrigger = sweepDist;
      const minRunway = 64 << 10;
      if (this.triggered !== NO_TRIGGER && goal < this.triggered + minRunway) goal = this.triggered + minRunway;
    }
    this.minTriggerOut = minTrigger;
    return goal;
  }

  /** The heap goal now (bytes). */
  heapGoal(): number {
    return this.heapGoalInternal();
  }

  /** The heap goal now, exact even when it is near 2^63 (GOGC=off without a limit). */
  heapGoalExact(): bigint {
    const g = this.heapGoalInternal();
    if (g < TWO53) return BigInt(g);
    if (this.gcPercentHeapGoal >= NO_GOAL && this.memoryLimit >= TWO53) {
      const lim = this.memoryLimitHeapGoalBig();
      return lim < 0xffffffffffffffffn ? lim : 0xffffffffffffffffn;
    }
    return BigInt(g);
  }

  /** Scratch result of trigger(): the goal that went with it (bytes). */
  goalOut = 0;

  /** The heap size at which the next cycle should start (bytes); the goal is left in goalOut. */
  trigger(): number {
    const goal = this.heapGoalInternal();
    let minTrigger = this.minTriggerOut;
    this.goalOut = goal;
    const marked = this.heapMarked;
    if (marked >= goal) return goal;
    if (minTrigger < marked) minTrigger = marked;
    const span = goal - marked;
    const lower = Math.floor(span / triggerRatioDen) * minTriggerRatioNum + marked;
    if (minTrigger < lower) minTrigger = lower;
    let maxTrigger = Math.floor(span / triggerRatioDen) * maxTriggerRatioNum + marked;
    if (goal > defaultHeapMinimum && goal - defaultHeapMinimum > maxTrigger) maxTrigger = goal - defaultHeapMinimum;
    if (maxTrigger < minTrigger) maxTrigger = minTrigger;
    let t = this.runway > goal ? minTrigger : goal - this.runway;
    if (t < minTrigger) t = minTrigger;
    if (t > maxTrigger) t = maxTrigger;
    return t;
  }

  /**
   * Starts a cycle's bookkeeping at the beginning of concurrent mark.
   * Precondition: world stopped (sweep termination).
   */
  startCycle(markStartTime: number, procs: number, kind: GCTriggerKind, stopTheWorld: boolean): void {
    this.heapScanWork = 0;
    this.stackScanWork = 0;
    this.globalsScanWork = 0;
    this.bgScanCredit = 0;
    this.assistTime = 0;
    this.dedicatedMarkTime = 0;
    this.fractionalMarkTime = 0;
    this.idleMarkTime = 0;
    this.markStartTime = markStartTime;
    this.triggered = this.trigger();
    const total = procs * gcBackgroundUtilization;
    let dedicated = Math.floor(total + 0.5);
    const utilError = dedicated / total - 1;
    if (utilError < -0.3 || utilError > 0.3) {
      if (dedicated > total) dedicated--;
      this.fractionalUtilizationGoal = (total - dedicated) / procs;
    } else {
      this.fractionalUtilizationGoal = 0;
    }
    if (stopTheWorld) {
      dedicated = procs;
      this.fractionalUtilizationGoal = 0;
    }
    this.dedicatedMarkWorkersNeeded = dedicated;
    void kind;
    this.revise();
  }

  /** Recomputes the assist ratio from the work done and the heap runway left. */
  revise(): void {
    const gcPercent = this.gcPercent < 0 ? 100000 : this.gcPercent;
    const live = this.heapLive;
    const work = this.heapScanWork + this.stackScanWork + this.globalsScanWork;
    let heapGoal = this.heapGoalInternal();
    let expected = this.lastHeapScan + this.lastStackScan + this.globalsScan;
    const maxScanWork = this.heapScan + this.maxStackScan + this.globalsScan;
    if (work > expected) {
      // The estimate was too low: assume the worst case and stretch the goal proportionally.
      let ext = Math.floor(((heapGoal - this.triggered) / expected) * maxScanWork) + this.triggered;
      expected = maxScanWork;
      const hard = Math.floor((1 + gcPercent / 100) * heapGoal);
      if (ext > hard) ext = hard;
      heapGoal = ext;
    }
    if (live > heapGoal) {
      heapGoal = Math.floor(heapGoal * 1.1);
      expected = maxScanWork;
    }
    let scanRemaining = expected - work;
    if (scanRemaining < 1000) scanRemaining = 1000;
    let heapRemaining = heapGoal - live;
    if (heapRemaining <= 0) heapRemaining = 1;
    this.assistWorkPerByte = scanRemaining / heapRemaining;
    this.assistBytesPerWork = heapRemaining / scanRemaining;
  }

  /** Scratch outputs of endCycle for gcpacertrace: utilization, previous cons/mark, reset flag. */
  lastUtilization = 0;
  lastOldConsMark = 0;
  lastControllerReset = false;
  /** False when endCycle skipped the cons/mark update (heap never passed the trigger). */
  lastConsMarkUpdated = false;

  /**
   * Updates cons/mark from the finished mark phase. Precondition: mark termination, world stopped.
   */
  endCycle(now: number, procs: number): void {
    this.lastHeapGoal = this.heapGoal();
    this.lastHeapGoalExact = this.heapGoalExact();
    const dur = now - this.markStartTime;
    let utilization = gcBackgroundUtilization;
    if (dur > 0) utilization += this.assistTime / (dur * procs);
    this.lastUtilization = utilization;
    this.lastConsMarkUpdated = false;
    this.lastControllerReset = false;
    if (this.heapLive <= this.triggered) return;
    let idleUtil = 0;
    if (dur > 0) idleUtil = this.idleMarkTime / (dur * procs);
    const scanWork = this.heapScanWork + this.stackScanWork + this.globalsScanWork;
    const current = ((this.heapLive - this.triggered) * (utilization + idleUtil)) / (scanWork * (1 - utilization));
    this.lastOldConsMark = this.consMark;
    const next = this.consMarkController.next(this.consMark, current, 1.0);
    if (Number.isNaN(next)) {
      this.consMark = 0;
      this.lastControllerReset = true;
    } else {
      this.consMark = next;
    }
    this.lastConsMarkUpdated = true;
  }

  /** Resets the live-heap accounting after marking: the marked bytes are the new live heap. */
  resetLive(bytesMarked: number): void {
    this.heapMarked = bytesMarked;
    this.heapLive = bytesMarked;
    this.heapScan = this.heapScanWork;
    this.lastHeapScan = this.heapScanWork;
    this.lastStackScan = this.stackScanWork;
    this.triggered = NO_TRIGGER;
  }

  /** Accounts a change of heapLive/heapScan (allocation slow path); revises while marking. */
  update(dHeapLive: number, dHeapScan: number, marking: boolean): void {
    this.heapLive += dHeapLive;
    if (!marking) this.heapScan += dHeapScan;
    else this.revise();
  }

  /** Adds (or removes, when negative) scannable stack bytes. */
  addScannableStack(amount: number): void {
    this.maxStackScan += amount;
  }

  /** Adds scannable global bytes (once per loaded image). */
  addGlobals(amount: number): void {
    this.globalsScan += amount;
  }

  /** Records a background worker's run time (ns) by mode. */
  markWorkerStop(mode: MarkWorkerMode, durationNs: number): void {
    switch (mode) {
      case MarkWorkerMode.Dedicated:
        this.dedicatedMarkTime += durationNs;
        break;
      case MarkWorkerMode.Fractional:
        this.fractionalMarkTime += durationNs;
        break;
      case MarkWorkerMode.Idle:
        this.idleMarkTime += durationNs;
        break;
    }
  }

  /** The `pacer: assist ratio=…` line (gcpacertrace=1), printed by startCycle's caller. */
  formatStartLine(initialHeapLive: number, goal: number): string {
    return (
      "pacer: assist ratio=" +
      formatRuntimeFloat(this.assistWorkPerByte) +
      " (scan " +
      mib(this.heapScan) +
      " MB in " +
      mib(initialHeapLive) +
      "->" +
      mib(goal) +
      " MB) workers=" +
      this.dedicatedMarkWorkersNeeded +
      "+" +
      formatRuntimeFloat(this.fractionalUtilizationGoal) +
      "\n"
    );
  }

  /** The `pacer: N% CPU …` line after endCycle, or "" when endCycle skipped the update. */
  formatEndLine(): string {
    if (!this.lastConsMarkUpdated) return "";
    return (
      "pacer: " +
      Math.trunc(this.lastUtilization * 100) +
      "% CPU (" +
      Math.trunc(gcGoalUtilization * 100) +
      " exp.) for " +
      this.heapScanWork +
      "+" +
      this.stackScanWork +
      "+" +
      this.globalsScanWork +
      " B work (" +
      (this.lastHeapScan + this.lastStackScan + this.globalsScan) +
      " B exp.) in " +
      this.triggered +
      " B -> " +
      this.heapLive +
      " B (\u2206goal " +
      (this.heapLive - this.lastHeapGoal) +
      ", cons/mark " +
      formatRuntimeFloat(this.lastOldConsMark) +
      ")" +
      (this.lastControllerReset ? "[controller reset]" : "") +
      "\n"
    );
  }
}

/** Background mark worker kinds (Go's gcMarkWorkerMode). */
export const enum MarkWorkerMode {
  None = 0,
  Dedicated = 1,
  Fractional = 2,
  Idle = 3,
}

function mib(bytes: number): number {
  return Math.floor(bytes / 1048576);
}

/**
 * Formats a float64 the way the runtime's low-level print does: `[+-]d.dddddde[+-]ddd`.
 * The digits come from decimal scaling in float64 (normalise into [1,10), add half a unit of
 * the 7th digit, peel digits off), not from correct rounding, so the 7th digit can differ from
 * `toExponential(6)`; we follow the runtime's method to print the same bytes.
 */
export function formatRuntimeFloat(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  const digits = 7;
  let sign = "+";
  let e = 0;
  if (v === 0) {
    if (Object.is(v, -0)) sign = "-";
  } else {
    if (v < 0) {
      v = -v;
      sign = "-";
    }
    while (v >= 10) {
      e++;
      v /= 10;
    }
    while (v < 1) {
      e--;
      v *= 10;
    }
    let half = 5.0;
    for (let i = 0; i < digits; i++) half /= 10;
    v += half;
    if (v >= 10) {
      e++;
      v /= 10;
    }
  }
  let out = sign;
  for (let i = 0; i < digits; i++) {
    const d = Math.trunc(v);
    out += String.fromCharCode(48 + d);
    if (i === 0) out += ".";
    v = (v - d) * 10;
  }
  let ae = e;
  out += "e";
  if (ae < 0) {
    out += "-";
    ae = -ae;
  } else out += "+";
  out += String.fromCharCode(48 + Math.trunc(ae / 100), 48 + (Math.trunc(ae / 10) % 10), 48 + (ae % 10));
  return out;
}

/** Parses a GOGC value as Go's readGOGC does: "off" ⇒ −1, an int32 ⇒ it, anything else ⇒ 100. */
export function readGOGC(value: string | undefined): number {
  const p = value ?? "";
  if (p === "off") return -1;
  const n = atoi64(p);
  if (n !== null && n >= -(2n ** 31n) && n < 2n ** 31n) return Number(n);
  return 100;
}

/** The message Go throws for a malformed GOMEMLIMIT (after printing `GOMEMLIMIT=<value>`). */
export const malformedGOMEMLIMIT = "malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`";

/**
 * Parses GOMEMLIMIT as Go's readGOMEMLIMIT: unset/""/"off" ⇒ MaxInt64; otherwise a byte count
 * `^[0-9]+(([KMGT]i)?B)?$`. Returns null when malformed: the caller prints `GOMEMLIMIT=<v>` and
 * throws `fatal error: ` + malformedGOMEMLIMIT (exit 2).
 */
export function readGOMEMLIMIT(value: string | undefined): bigint | null {
  if (value === undefined || value === "" || value === "off") return maxInt64;
  return parseByteCount(value);
}

/** Go's parseByteCount: an integer byte count with an optional B / KiB / MiB / GiB / TiB suffix. */
export function parseByteCount(s: string): bigint | null {
  if (s === "") return null;
  const last = s.charCodeAt(s.length - 1);
  if (last >= 48 && last <= 57) {
    const n = atoi64(s);
    return n === null || n < 0n ? null : n;
  }
  if (s[s.length - 1] !== "B" || s.length < 2) return null;
  const c = s.charCodeAt(s.length - 2);
  if (c >= 48 && c <= 57) {
    const n = atoi64(s.slice(0, -1));
    return n === null || n < 0n ? null : n;
  }
  if (s[s.length - 2] !== "i" || s.length < 4) return null;
  let power: bigint;
  switch (s[s.length - 3]) {
    case "K":
      power = 1n;
      break;
    case "M":
      power = 2n;
      break;
    case "G":
      power = 3n;
      break;
    case "T":
      power = 4n;
      break;
    default:
      return null;
  }
  const n = atoi64(s.slice(0, -3));
  if (n === null || n < 0n) return null;
  const v = n * 1024n ** power;
  if (v > maxInt64) return null;
  return v;
}

/** Go's atoi64: optional '-', decimal digits only, must fit int64; null otherwise. */
export function atoi64(s: string): bigint | null {
  if (s === "") return null;
  let neg = false;
  let i = 0;
  if (s[0] === "-") {
    neg = true;
    i = 1;
  }
  let un = 0n;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    un = un * 10n + BigInt(c - 48);
    if (un > 1n << 64n) return null;
  }
  if (!neg && un > maxInt64) return null;
  if (neg && un > maxInt64 + 1n) return null;
  return neg ? -un : un;
}
