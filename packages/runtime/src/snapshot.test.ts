/**
 * Snapshots of a running scheduler (snapshot.ts): taken at the scheduler's safe points while a
 * program runs, they see the running P and goroutine, the goroutine count and the collector;
 * the control words force a GC cycle and stop the program with the watcher's status.
 */
import { describe, expect, it } from "vitest";
import { assemble } from "./vm/asm.js";
import { runGo } from "./proc.js";
import { pingPong } from "./sched-programs.js";
import { CTL_GC, CTL_STOP, CTL_WORDS, SnapshotMonitor, takeSnapshot, type RuntimeSnapshot } from "./snapshot.js";

function watch(rounds: number, control: Int32Array | null, periodNs = 0) {
  const snaps: RuntimeSnapshot[] = [];
  let monitor: SnapshotMonitor | null = null;
  let err = "";
  const r = runGo(assemble(pingPong(rounds)), {
    write: (s) => (err += s),
    seed: 1,
    budget: 40,
    onSched: (sched) => {
      monitor = new SnapshotMonitor(sched, periodNs, (s) => snaps.push(s), control);
      sched.monitor = monitor;
    },
  });
  return { r, snaps, err, monitor: monitor as SnapshotMonitor | null };
}

describe("runtime snapshots", () => {
  it("are taken at safe points while the program runs and describe the running P", () => {
    const { r, snaps, err } = watch(2000, null);
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(snaps.length).toBeGreaterThan(10);
    const s = snaps[snaps.length >> 1];
    expect(s.gomaxprocs).toBe(1);
    expect(s.procs).toHaveLength(1);
    expect(s.procs[0].status).toBe("running");
    expect(s.procs[0].curg).toBeGreaterThan(0);
    expect(s.goroutines).toBe(2); // main and its ping-pong partner
    expect(s.gc).not.toBeNull();
    expect(s.gc!.gogc).toBe(100);
    expect(JSON.parse(JSON.stringify({ ...s, gc: { ...s.gc, cycles: [] } })).procs).toEqual(s.procs); // plain data
    for (let i = 1; i < snaps.length; i++) expect(snaps[i].timeNs).toBeGreaterThanOrEqual(snaps[i - 1].timeNs);
  });

  it("respect their period", () => {
    const { snaps } = watch(2000, null, 3600e9);
    expect(snaps).toHaveLength(1); // the first poll only
  });

  it("the control words force a GC and stop the program with the watcher's status", () => {
    const ctl = new Int32Array(new SharedArrayBuffer(CTL_WORDS * 4));
    Atomics.store(ctl, CTL_GC, 1);
    const a = watch(2000, ctl);
    expect(Atomics.load(ctl, CTL_GC)).toBe(0);
    expect(a.snaps[0].gc!.numGC).toBe(1);
    expect(a.r.exitCode).toBe(0);
    Atomics.store(ctl, CTL_STOP, 130);
    const b = watch(1_000_000, ctl);
    expect(b.r.exitCode).toBe(130);
    expect(b.monitor!.stopCode).toBe(130);
    expect(takeSnapshot(b.r.sched, 0).goroutines).toBe(2); // stopped mid-run, partner still there
  });
});
