import { describe, expect, it } from "vitest";
import { GCCPULimiter, capacityPerProc } from "./mgclimit.js";
import { GCWorld } from "./mgctesting.js";

describe("GC CPU limiter", () => {
  it("fills with GC time, turns on when full, drains with mutator time", () => {
    const l = new GCCPULimiter(0, 4);
    expect(l.capacity).toBe(4 * capacityPerProc);
    // 100 % assist time on 4 Ps for 0.5 s: fill 2 CPU-s → half full, not limiting.
    l.addAssistTime(4 * 0.5e9);
    l.update(0.5e9, 3);
    expect(l.fill).toBe(2e9);
    expect(l.enabled).toBe(false);
    // Another 0.6 s of it overflows the bucket: limiting from cycle 4 on.
    l.addAssistTime(4 * 0.6e9);
    l.update(1.1e9, 3);
    expect(l.enabled).toBe(true);
    expect(l.fill).toBe(l.capacity);
    expect(l.overflow).toBeCloseTo(0.4e9, 0);
    expect(l.lastEnabledCycle).toBe(4);
    // Pure mutator time drains it and turns it off.
    l.update(1.2e9, 5);
    expect(l.enabled).toBe(false);
    expect(l.fill).toBeCloseTo(4e9 - 0.4e9, 0);
  });

  it("background marking counts as 25 % of the window; STW transitions count entirely", () => {
    const l = new GCCPULimiter(0, 1);
    l.startGCTransition(true, 0, 0);
    l.finishGCTransition(1e6, 0); // 1 ms STW
    expect(l.fill).toBe(1e6);
    l.update(101e6, 0); // 100 ms of marking: 25 ms GC, 75 ms mutator
    expect(l.fill).toBe(0);
    expect(l.gcEnabled).toBe(true);
    l.startGCTransition(false, 101e6, 0);
    l.finishGCTransition(103e6, 1);
    expect(l.fill).toBe(2e6);
    expect(l.gcEnabled).toBe(false);
  });

  it("idle time is neither GC nor mutator time", () => {
    const l = new GCCPULimiter(0, 2);
    l.addAssistTime(1e9);
    l.addIdleTime(1e9);
    l.update(1e9, 0); // window 2e9 − idle 1e9 = 1e9, all of it assist
    expect(l.fill).toBe(1e9);
  });

  it("while limiting, allocation does not assist; the background worker finishes the mark", () => {
    let t = 0;
    const w = new GCWorld({ nanotime: () => (t += 1000) });
    for (let i = 0; i < 16; i++) w.setGlobal(i, w.alloc(3));
    w.gc.limiter.fill = w.gc.limiter.capacity;
    w.gc.limiter.enabled = true;
    w.gc.gcStart(0, false);
    const gcw = w.gc.marker.gcw;
    for (let i = 0; i < 20_000; i++) w.alloc(2); // would owe plenty of assist work
    expect(w.gc.phase).toBe(1);
    expect(w.gc.pacer.assistTime).toBe(0);
    expect(gcw.heapScanWork).toBe(0);
    while (w.gc.phase === 1) w.gc.poll();
    expect(w.gc.numgc).toBe(1);
    expect(w.gc.pacer.fractionalMarkTime).toBeGreaterThan(0);
  });

  it("a heap far above a tiny memory limit keeps running with bounded GC CPU", () => {
    let t = 0;
    const w = new GCWorld({ nanotime: () => (t += 100), GOMEMLIMIT: "1MiB" });
    for (let i = 0; i < 8; i++) w.setGlobal(i, w.allocPtrArray(100_000)); // 6.4 MB live > limit
    for (let i = 0; i < 100_000; i++) {
      t += 2000;
      w.alloc(2);
      if ((i & 255) === 0) w.gc.poll();
    }
    const ms = w.gc.readMemStats();
    expect(ms.NumGC).toBeGreaterThan(3);
    expect(ms.NextGC).toBeLessThan(8 << 20); // the goal stays pinned near the marked heap
    expect(ms.GCCPUFraction).toBeLessThan(0.75);
  });
});
