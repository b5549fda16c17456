// Sweep jobs (mgcsweepjob.ts) without threads: the server's claim and absorb around the M's bit
// work (runSweepJob, run here on the same thread) must leave the heap exactly as the server's own
// sequential sweep leaves an identical heap. Real worker Ms sweeping are in mgcidle.test.ts.
import { describe, expect, it } from "vitest";
import { GC_MARK } from "./mgc.js";
import { GCTriggerKind } from "./mgcpacer.js";
import { GCWorld, VirtualClock } from "./mgctesting.js";
import { IdleSweepers, runSweepJob, SWEEP_JOB, SWEEP_JOB_SPANS } from "./mgcsweepjob.js";
import { Mailbox, mailboxBytes } from "./mailbox.js";
import { objectColor, verifyHeap } from "./testing.js";
import { SP_NEXT } from "./mspan.js";

/** A world with live lists from globals and garbage of several sizes, marked, sweep phase begun. */
function markedWorld(): { w: GCWorld; all: number[] } {
  const w = new GCWorld({ nanotime: new VirtualClock().now, GOGC: "off" });
  const all: number[] = [];
  for (let g = 0; g < 8; g++) {
    let head = 0;
    for (let i = 0; i < 30000; i++) {
      const n = w.alloc(1 + ((i + g) % 5));
      all.push(n);
      if (i % 3 !== 0) {
        w.setField(n, 0, head);
        head = n;
      }
    }
    w.setGlobal(g, head);
  }
  w.gc.gcStart(GCTriggerKind.Heap, true);
  while (w.gc.phase === GC_MARK) w.gc.markSliceForTest(1 << 20);
  expect(w.gc.sweeper.done).toBe(false);
  return { w, all };
}

/** What a sweep leaves: each object's allocation state, the statistics, the sweeper's counts. */
function outcome(w: GCWorld, all: number[]): unknown {
  const ms = w.gc.readMemStats();
  const sw = w.gc.sweeper;
  return {
    allocated: all.map((a) => w.isAllocated(a)),
    stats: [ms.HeapAlloc, ms.HeapObjects, ms.Frees, ms.HeapInuse],
    sweeper: [sw.spansSwept, sw.pagesSwept, sw.objectsFreed, sw.bytesFreed, sw.pagesFreed, sw.done],
    errors: verifyHeap(w.heap, { flush: true }),
  };
}

/** A marked world whose sweep goes through jobs on mailbox record 0 (the M's part run here). */
function jobWorld(clobber = false): { b: { w: GCWorld; all: number[] }; box: Mailbox; sw: GCWorld["gc"]["sweeper"]; is: IdleSweepers } {
  const b = markedWorld();
  const box = new Mailbox(new SharedArrayBuffer(mailboxBytes(1)), 0, 1);
  const sw = b.w.gc.sweeper;
  sw.clobberfree = clobber; // (GODEBUG=clobberfree=1 after the mark: only the sweep clobbers)
  return { b, box, sw, is: new IdleSweepers(sw, box, 1) };
}

/** The same world swept by the server alone: what every job-swept heap must equal. */
function sequentialOutcome(): unknown {
  const a = markedWorld();
  a.w.gc.sweeper.finishAll();
  return outcome(a.w, a.all);
}

describe("sweep jobs", () => {
  it("claimed, swept elsewhere and absorbed: the same heap as the sequential sweep", () => {
    const want = sequentialOutcome();
    const { b, box, sw, is } = jobWorld();
    let jobs = 0;
    while (is.wanted()) {
      if (!is.give(0)) break;
      jobs++;
      expect(box.w[box.rec(0) + 9]).toBe(SWEEP_JOB);
      expect(sw.jobsOut).toBe(1);
      expect(sw.done).toBe(false); // (not while a job is out)
      runSweepJob(b.w.heap.mem, box, box.rec(0));
      is.absorb(0);
    }
    expect(jobs).toBeGreaterThan(1);
    expect(is.jobSpans).toBeGreaterThan(SWEEP_JOB_SPANS);
    expect(sw.done).toBe(true);
    expect(outcome(b.w, b.all)).toEqual(want);
    expect((want as { allocated: boolean[] }).allocated.filter((x) => !x).length).toBeGreaterThan(1000);
  });

  it("finishing the sweep with a job out waits for it (Sweeper.awaitJobs), then ends the phase", () => {
    const want = sequentialOutcome();
    const { b, box, sw, is } = jobWorld();
    let waited = 0;
    sw.awaitJobs = () => {
      waited++;
      runSweepJob(b.w.heap.mem, box, box.rec(0));
      is.absorb(0);
    };
    expect(is.give(0)).toBe(true);
    sw.finishAll(); // sweeps the rest itself, then waits for the job
    expect(waited).toBe(1);
    expect(sw.jobsOut).toBe(0);
    expect(sw.done).toBe(true);
    expect(outcome(b.w, b.all)).toEqual(want);
  });

  it("GODEBUG=clobberfree=1: the M overwrites the dead objects", () => {
    const { b, box, is } = jobWorld(true);
    const heap = b.w.heap;
    const u32 = heap.mem.u32;
    const dead = b.all.filter((x) => objectColor(heap, x) === "white");
    const claimed = new Set<number>();
    while (is.give(0)) {
      for (let s = box.w[box.rec(0) + 8]! >>> 0; s !== 0; s = u32[(s + SP_NEXT) >>> 2]!) claimed.add(s);
      runSweepJob(heap.mem, box, box.rec(0));
      is.absorb(0);
    }
    // (spans in an allocation cache at mark termination were swept by its flush, not by a job)
    const inJobs = dead.filter((x) => heap.findObject(x) === x && claimed.has(heap.foundSpan));
    expect(inJobs.length).toBeGreaterThan(dead.length * 0.9);
    for (const x of inJobs) expect(u32[x >>> 2]).toBe(0xdeadbeef);
  });
});
