/**
 * The dashboard's panels (ink-testing-library), its model and text pictures, drawn from
 * snapshots shaped as the runtime's SnapshotMonitor produces them (and one real snapshot of
 * a running scheduler: snapshot.test in the runtime covers takeSnapshot itself).
 */
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { render } from "ink-testing-library";
import type { RuntimeSnapshot } from "@gort/runtime";
import { bar, fmtBytes, fmtNs, sparkline, summaryLine } from "./format.js";
import { DashModel } from "./model.js";
import { Dashboard, GCPanel, OutputPane, SchedPanel } from "./panels.js";

function snap(over: Partial<RuntimeSnapshot> = {}, numGC = 3, pauses: number[] = [12_000, 80_000, 3_000_000]): RuntimeSnapshot {
  return {
    timeNs: 1.5e9,
    gomaxprocs: 2,
    procs: [
      { id: 0, status: "running", curg: 17, runq: 40, runnext: true },
      { id: 1, status: "idle", curg: 0, runq: 0, runnext: false },
    ],
    globalRunq: 5,
    threads: 1,
    runningThreads: 1,
    spinningThreads: 0,
    idleThreads: 0,
    goroutines: 1234,
    gc: {
      numGC,
      numForcedGC: 1,
      heapAlloc: 3 << 20,
      heapGoal: 4 << 20,
      heapSys: 8 << 20,
      heapObjects: 5000,
      stackInuse: 256 << 10,
      sys: 12 << 20,
      totalAlloc: 40 << 20,
      mallocs: 100,
      frees: 50,
      gcCPUFraction: 0.0123,
      pauseTotalNs: 3_092_000,
      pausesNs: pauses,
      cycles: [
        {
          cycle: 3,
          sinceInitNs: 1.25e9,
          cpuFraction: 0.01,
          sweepTermNs: 20_000,
          markNs: 1_200_000,
          markTermNs: 30_000,
          sweepTermCpuNs: 0,
          assistCpuNs: 0,
          backgroundCpuNs: 0,
          idleCpuNs: 0,
          markTermCpuNs: 0,
          heap0: 4 << 20,
          heap1: 5 << 20,
          heap2: 1 << 20,
          goal: 4n << 20n,
          stacks: 0,
          globals: 0,
          procs: 2,
          forced: false,
        },
      ],
      gogc: 100,
    },
    ...over,
  };
}

describe("dashboard text pictures", () => {
  it("formats sizes, durations, sparklines and bars", () => {
    expect(fmtBytes(512)).toBe("512 B");
    expect(fmtBytes(1536)).toBe("1.5 KB");
    expect(fmtBytes(300 << 20)).toBe("300 MB");
    expect(fmtNs(850)).toBe("850ns");
    expect(fmtNs(12_340)).toBe("12.3µs");
    expect(fmtNs(3_400_000)).toBe("3.4ms");
    expect(fmtNs(1.2e9)).toBe("1.20s");
    expect(sparkline([0, 1, 2, 4, 8], 5)).toBe("▁▂▃▅█");
    expect(sparkline([1, 2, 3], 2)).toHaveLength(2);
    expect(bar(5, 10, 4)).toBe("██░░");
    expect(bar(50, 10, 4)).toBe("████");
    expect(summaryLine(snap())).toBe(
      "gort: t=1.5s gomaxprocs=2 goroutines=1234 runqueue=5 P0:running(g17) q=40 P1:idle q=0 | gc=3 heap=3.0 MB/4.0 MB pause-max=3ms gc-cpu=1.2%",
    );
  });
});

describe("DashModel", () => {
  it("keeps histories, bins each pause once, and splits output into lines", () => {
    const m = new DashModel();
    m.addSnapshot(snap({}, 1, [5_000, 20_000]));
    m.addSnapshot(snap({ goroutines: 10 }, 1, [5_000, 20_000])); // no new cycle: nothing new to bin
    m.addSnapshot(snap({ goroutines: 20 }, 2, [5_000, 20_000, 700_000, 6e6]));
    expect(m.goroutines).toEqual([1234, 10, 20]);
    expect(m.pauseCounts).toEqual([1, 1, 0, 0, 1, 0, 1]);
    expect(m.totalPauses()).toBe(4);
    m.addOutput(new TextEncoder().encode("hello\nwor"));
    m.addOutput(new TextEncoder().encode("ld\npartial"));
    expect(m.outputLines()).toEqual(["hello", "world", "partial"]);
    m.paused = true;
    m.addSnapshot(snap({ goroutines: 99 }));
    expect(m.snap?.goroutines).toBe(20); // the view is frozen, histories go on
    expect(m.goroutines.at(-1)).toBe(99);
    m.cycleFocus();
    expect(m.focus).toBe("gc");
  });
});

describe("panels", () => {
  const model = (): DashModel => {
    const m = new DashModel();
    m.addSnapshot(snap());
    m.addOutput(new TextEncoder().encode("line one\nline two\n"));
    return m;
  };

  it("scheduler panel: a row per P with status, goroutine and run-queue bar; totals and sparkline", () => {
    const { lastFrame } = render(createElement(SchedPanel, { model: model(), width: 80, height: 10 }));
    const f = lastFrame() ?? "";
    expect(f).toContain("GOMAXPROCS 2");
    expect(f).toContain("goroutines 1234");
    expect(f).toContain("global runq 5");
    expect(f).toMatch(/P0\s+running\s+g17\s+runq █+░* +40 \+next/);
    expect(f).toMatch(/P1\s+idle\s+-\s+runq ░+ +0/);
    expect(f).toContain("max 1234");
  });

  it("GC panel: cycles as gctrace rows, heap live/goal, pause histogram, GC CPU", () => {
    const { lastFrame } = render(createElement(GCPanel, { model: model(), width: 100, height: 16 }));
    const f = lastFrame() ?? "";
    expect(f).toContain("cycles 3 (forced 1)");
    expect(f).toContain("GOGC 100");
    expect(f).toContain("GC CPU 1.2%");
    expect(f).toContain("heap live 3.0 MB");
    expect(f).toContain("goal 4.0 MB");
    expect(f).toMatch(/3 +@1\.250s +1% +0\.02\+1\.20\+0\.03 +4->5->1 MB +4 MB/);
    expect(f).toMatch(/<50µs \S+ 1/);
    expect(f).toMatch(/<5ms \S+ 1/);
  });

  it("output pane shows the last lines; the dashboard lays out all panes and routes keys", () => {
    const m = model();
    const out = render(createElement(OutputPane, { model: m, width: 60, height: 6 }));
    expect(out.lastFrame()).toContain("line two");
    const keys: string[] = [];
    const d = render(createElement(Dashboard, { model: m, columns: 160, rows: 48, title: "prog x", onKey: (k: string) => keys.push(k) }));
    const f = d.lastFrame() ?? "";
    for (const s of ["gort prog x", "Scheduler", "Garbage collector", "Program output", "q quit"]) expect(f).toContain(s);
    d.stdin.write("g");
    d.stdin.write("\t");
    d.stdin.write("q");
    expect(keys).toEqual(["g", "tab", "q"]);
  });
});
