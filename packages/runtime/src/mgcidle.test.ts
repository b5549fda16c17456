// Idle mark workers (mgcidle.ts): worker Ms without a goroutine drain grey objects in mark jobs
// (and sweep spans in sweep jobs, mgcsweepjob.ts) while the runtime server marks, serves and
// runs goroutines. Real worker threads: mworker.ts is bundled with esbuild first (as
// mthreads.test.ts does).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assemble } from "./vm/asm.js";
import { runGo } from "./proc.js";
import { lastMServerForTest } from "./mserver.js";
import { TestBundles } from "./mworker.testutil.js";
import { OP_MARKDONE, OP_SWEEPDONE } from "./mworker.js";
import { HELPER_MIN_SCAN, JOB_CHUNK, JOB_RESERVE, JOB_SPARE } from "./mgcidle.js";
import { MAX_OBLET_BYTES } from "./mgcmark.js";
import { WORKBUF_ENTRIES } from "./mgcwork.js";

const tb = new TestBundles();
beforeAll(() => tb.useMWorker());
afterAll(() => tb.done());
// Each test is one long synchronous run: let vitest's RPC through between them (its calls time
// out after 60 s of a blocked event loop, which a loaded machine reaches over several tests).
beforeEach(() => new Promise<void>((r) => setTimeout(r, 100)));

/** Root array slots (each the head of a list of M nodes) and nodes per list. */
const ROOTS = 8192;
const M = 50;

/**
 * main keeps R lists of M nodes live from one array of pointers (≈ 10 MB: the array's scan
 * greys R list heads at once, so the mark has grey objects to share), calls runtime.GC, spins
 * S iterations without allocating, allocates G garbage nodes (GOGC cycles), and returns the sum
 * of every live node's value: R·M(M−1)/2 if no live node was freed or overwritten.
 */
function program(spin: number, garbage: number, gcEvery = 0, R = ROOTS): string {
  const ptrs = Array.from({ length: R }, (_, i) => i).join(",");
  return `
.native runtime.GC
.const R ${R}
.const M ${M}
.const S ${spin}
.const G ${garbage}
.const E ${gcEvery}
.type int size=8 kind=2 str=int
.type node size=24 ptrs=0 kind=25 str=main.node
.type roots size=${R * 8} ptrs=${ptrs} kind=17 str=[${R}]*main.node
func main.main params=0 results=1 frame=17 ptrs=3,4,6,7,12
  NEW s12, %roots
  LDI s5, 0
  LDI s8, 0
  LDK s9, $R
outer:
  LDI s3, 0
  LDI s10, 0
  LDK s11, $M
inner:
  NEW s4, %node
  STP s4, 0, s3
  ST64 s4, 8, s10
  MOV s3, s4
  ADDI s10, s10, 1
  JLT s10, s11, inner
  ADD s7, s12, s8
  STP s7, 0, s3
  ADDI s8, s8, 8
  ADDI s5, s5, 1
  JLT s5, s9, outer
  LDI s3, 0
  LDI s4, 0
  LDI s7, 0
  CALLN runtime.GC, s13, s13
  LDI s5, 0
  LDK s9, $S
spin:
  ADDI s5, s5, 1
  JLT s5, s9, spin
  LDI s5, 0
  LDK s9, $G
  LDI s14, 0
garbage:
  NEW s6, %node
  ADDI s5, s5, 1
${gcEvery > 0 ? `  ADDI s14, s14, 1\n  LDK s15, $E\n  JLT s14, s15, nogc\n  LDI s14, 0\n  CALLN runtime.GC, s13, s13\nnogc:` : ""}
  JLT s5, s9, garbage
  LDI s6, 0
  LDI s0, 0
  LDI s5, 0
  LDI s8, 0
  LDK s9, $R
wouter:
  ADD s7, s12, s8
  LD64 s3, s7, 0
wl:
  JEQI s3, 0, wnext
  LD64 s10, s3, 8
  ADD s0, s0, s10
  LD64 s3, s3, 0
  JMP 0, wl
wnext:
  ADDI s8, s8, 8
  ADDI s5, s5, 1
  JLT s5, s9, wouter
  RET
end
.entry main.main
`;
}

const sum = (R = ROOTS): bigint => BigInt((R * M * (M - 1)) / 2);

describe("idle mark workers (GOMAXPROCS=2)", () => {
  it("a job's reserve holds every object one chunk can queue", () => {
    // a chunk scans ≤ JOB_CHUNK + one object of MAX_OBLET_BYTES and pushes ≤ 1 object per 8
    // bytes; the buffer being filled may have no room left
    expect((JOB_RESERVE - 1) * WORKBUF_ENTRIES).toBeGreaterThanOrEqual((JOB_CHUNK + MAX_OBLET_BYTES) / 8);
    expect(JOB_SPARE).toBeGreaterThan(JOB_RESERVE);
  });

  it("an idle M drains grey objects while main runs on the other M, and sweeps between the marks: lists intact (gccheckmark, clobberfree)", () => {
    // Ms run every goroutine here (the policy off): main on one M, the other M has none and
    // takes mark and sweep jobs. A node freed while reachable would read 0xdeadbeef… in the
    // final walk (clobberfree); a white reachable object at mark termination is a gccheckmark
    // failure.
    process.env.GORT_MTHREADS_ADAPTIVE = "0";
    let err = "";
    const r = runGo(assemble(program(1000, 1_500_000)), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "25", GODEBUG: "gccheckmark=1,clobberfree=1", budget: 20000 });
    delete process.env.GORT_MTHREADS_ADAPTIVE;
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(sum());
    const srv = lastMServerForTest()!;
    const im = srv.idleMarkers!;
    const gc = r.sched.gc!;
    expect(gc.numgc).toBeGreaterThan(3);
    expect(im.jobs).toBeGreaterThan(0);
    expect(srv.opCounts[OP_MARKDONE]).toBe(im.jobs);
    expect(im.jobWork).toBeGreaterThan(0);
    expect(im.out()).toBe(0);
    expect(im.helpers).toBe(0); // (the Ms ran from the start)
    // the idle M swept spans between the marks (mgcsweepjob.ts): every job came back, served
    // in the loop or absorbed by a wait (gcStart, a stop-the-world)
    const is = srv.idleSweepers!;
    expect(is.jobs).toBeGreaterThan(0);
    expect(is.jobSpans).toBeGreaterThan(0);
    expect(srv.opCounts[OP_SWEEPDONE] + is.awaited).toBe(is.jobs);
    expect(is.out()).toBe(0);
  }, 60_000);

  it("runtime.GC while the mark helper is in a job: the stop asks it back and the pause finishes the mark (gccheckmark)", () => {
    // The default policy: main stays on this thread, the helper M (spawned after the first
    // cycle scanned ≥ HELPER_MIN_SCAN) takes mark jobs. runtime.GC finishes a running mark at
    // once: with a job out it stops the world, which ends the job at its next chunk (MB_YIELD),
    // takes its buffers back (collectMarkJobs) and drains them inside the pause.
    let err = "";
    const r = runGo(assemble(program(1000, 600_000, 20_000)), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "2", GODEBUG: "gccheckmark=1,clobberfree=1", budget: 20000 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(sum());
    const srv = lastMServerForTest()!;
    const im = srv.idleMarkers!;
    expect(im.helpers).toBe(1);
    expect(im.jobs).toBeGreaterThan(0);
    expect(im.collected).toBeGreaterThan(0);
    expect(srv.gcm!.stuckMarks).toBeGreaterThan(0);
    expect(im.out()).toBe(0);
  }, 60_000);

  it("one goroutine on the server: a mark helper M comes up for a big heap and marks; the program stays on the server", () => {
    // The default policy: main never leaves the server thread and no M is spawned to run
    // goroutines; the cycle after one that scanned ≥ HELPER_MIN_SCAN (runtime.GC, right after
    // the lists are built) asks for a helper, which then takes jobs in the garbage loop's cycles
    // (≈ 10 of them, over seconds here: the helper is up within 0.2–1 s).
    let err = "";
    const r = runGo(assemble(program(100_000, 1_000_000)), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "25", GODEBUG: "gccheckmark=1,clobberfree=1", budget: 20000 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(sum());
    const srv = lastMServerForTest()!;
    const im = srv.idleMarkers!;
    expect(ROOTS * M * 24).toBeGreaterThan(HELPER_MIN_SCAN);
    expect(im.helpers).toBe(1);
    expect(srv.msStarted()).toBe(false); // (the helper does not end the one-thread mode)
    expect(srv.perM.every((k) => k === 0)).toBe(true); // no goroutine ran on an M
    expect(im.jobs).toBeGreaterThan(0);
    expect(im.jobWork).toBeGreaterThan(0);
    expect(srv.idleSweepers!.jobSpans).toBeGreaterThan(0); // (and swept between the marks)
  }, 60_000);
});

describe("CPU profiles: the collector's own work under Go's GC frames (prof.ts)", () => {
  for (const procs of [1, 2]) {
    it(`GOMAXPROCS=${procs}: background marking is sampled as runtime.gcBgMarkWorker → runtime.gcDrain, not on main's stack`, () => {
      let err = "";
      const r = runGo(assemble(program(1000, 600_000)), { write: (s) => (err += s), gomaxprocs: procs, seed: 1, GOGC: "25", budget: 2000, profile: { cpuHz: 1000 } });
      expect(err).toBe("");
      expect(r.exitCode).toBe(0);
      expect(r.vm.result(r.g, 0)).toBe(sum());
      expect(r.sched.gc!.numgc).toBeGreaterThan(3);
      let gcw = 0;
      let main = 0;
      for (const s of r.sched.prof.lastCPU!.samples) {
        const names = s.frames.map((f) => f.func);
        if (names.includes("runtime.gcBgMarkWorker")) {
          gcw += s.values[0]!;
          // the whole stack is the GC's: no goroutine frame under it, Go's file names
          expect(names).toEqual(["runtime.gcDrain", "runtime.gcBgMarkWorker"]);
          expect(s.frames[1]!.file.endsWith("/src/runtime/mgc.go")).toBe(true);
          expect(s.labels).toEqual([]);
        }
        if (names.includes("main.main")) {
          main += s.values[0]!;
          expect(names.some((n) => n.startsWith("runtime.gc") || n === "runtime.bgsweep")).toBe(false);
        }
      }
      expect(main).toBeGreaterThan(0);
      expect(gcw).toBeGreaterThan(0);
    }, 60_000);
  }
});
