// Run-time controls and observability under worker-thread Ms (MTHREADS.md "Controls and
// observability under threads"): runtime.GOMAXPROCS starting and retiring Ms, schedtrace's
// thread view, CPU samples of every M, per-P trace events. Real workers: the worker module is
// bundled with esbuild first (Node cannot load .ts in a worker), as in mthreads.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { assemble } from "./vm/asm.js";
import { runGo } from "./proc.js";
import { lastMServerForTest } from "./mserver.js";
import { TestBundles } from "./mworker.testutil.js";
import type { NativeFn } from "./vm/interp.js";
import { CHAN_HEADER, SPIN_FUNC, sumOfBuilders } from "./sched-programs.js";
import { takeSnapshot, type RuntimeSnapshot } from "./snapshot.js";
import { startTrace, type Tracer } from "./trace.js";
import * as os from "node:os";
import { spawnSync } from "node:child_process";

// These tests check work done by worker Ms: the server must not run goroutines itself
// (mserverrun.ts, on by default; the adaptive tests in mfast.test.ts turn it on again).
process.env.GORT_MTHREADS_ADAPTIVE = "0";

const tb = new TestBundles();
beforeAll(() => tb.useMWorker());
afterAll(() => tb.done());

/** `for {}` goroutines and a main that drives GOMAXPROCS through test.mstate phases (see the test). */
const RESIZE = `.native runtime.newproc
.native runtime.Gosched
.native runtime.GOMAXPROCS
.native test.mstate
${SPIN_FUNC}func main.main params=0 results=1 frame=10 ptrs=2
  LDI s4, 3
  CALLN runtime.GOMAXPROCS, s4, s5
  MOV s7, s5
  NEW s2, %clo0
  LDI s3, @main.spin
  ST64 s2, 0, s3
  CALLN runtime.newproc, s2, s3
  CALLN runtime.newproc, s2, s3
  CALLN runtime.newproc, s2, s3
wait3:
  CALLN runtime.Gosched, s3, s3
  LDI s4, 1
  CALLN test.mstate, s4, s5
  JEQI s5, 0, wait3
  JNEI s5, 1, fail
  LDI s4, 1
  CALLN runtime.GOMAXPROCS, s4, s5
  MOV s8, s5
wait1:
  CALLN runtime.Gosched, s3, s3
  LDI s4, 2
  CALLN test.mstate, s4, s5
  JEQI s5, 0, wait1
  JNEI s5, 1, fail
  LDI s6, 0
  LDI s9, 300
more:
  CALLN runtime.Gosched, s3, s3
  ADDI s6, s6, 1
  JLT s6, s9, more
  LDI s9, 10
  MUL s0, s7, s9
  ADD s0, s0, s8
  RET
fail:
  LDI s0, -1
  RET
end
.entry main.main
`;

describe("runtime.GOMAXPROCS under worker-thread Ms", () => {
  it("raising starts an M that runs goroutines; lowering to 1 retires the others at their check-in", () => {
    // Phase 1: M2 (started by GOMAXPROCS(3)) has been given a goroutine. Phase 2 (after
    // GOMAXPROCS(1)): M1 and M2 are idle with no G although three goroutines spin forever.
    // Then main keeps running with them on M0 alone; M1/M2 must get nothing more.
    const deadline = Date.now() + 25_000;
    let atRetire: number[] = [];
    const mstate: NativeFn = (vm, _g, args, res) => {
      const srv = lastMServerForTest()!;
      const phase = Number(vm.mem.i64[args >>> 3]);
      let v = 0;
      if (phase === 1) v = srv.n === 3 && srv.perM[2] > 0 ? 1 : 0;
      else if (srv.idle[1] && srv.idle[2] && srv.mG[1] === 0 && srv.mG[2] === 0) {
        v = 1;
        atRetire = srv.perM.slice();
      }
      if (v === 0 && Date.now() > deadline) v = -1;
      vm.mem.i64[res >>> 3] = BigInt(v);
    };
    let err = "";
    const r = runGo(assemble(RESIZE), { write: (s) => (err += s), gomaxprocs: 2, budget: 2000, seed: 1, natives: new Map([["test.mstate", mstate]]) });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(23n); // GOMAXPROCS(3) returned 2, GOMAXPROCS(1) returned 3
    const srv = lastMServerForTest()!;
    expect(srv.sched).toBe(r.sched);
    expect(r.sched.gomaxprocs).toBe(1);
    expect(srv.n).toBe(3); // threads are kept (Go keeps its Ms)
    expect(srv.perM[1]).toBe(atRetire[1]);
    expect(srv.perM[2]).toBe(atRetire[2]);
    expect(srv.perM[0]).toBeGreaterThan(atRetire[0]); // the program went on, on M0 alone
  }, 40_000);

  it("a retired M's goroutine with nothing else runnable moves to a remaining M at its check-in", () => {
    // Two counting goroutines, main blocked receiving their results. The one that starts on M1
    // calls GOMAXPROCS(1) and counts to N: at its budget ends nothing else is runnable (the
    // other one counts to 4N on M0), so only the retirement moves it to M0, where test.where
    // (at the end of each loop) must find both.
    const src = `${CHAN_HEADER}
.const N 1000000
.const N3 4000000
.native runtime.GOMAXPROCS
.native test.where
.type clo1 size=16 ptrs=1 kind=19 str=func()
func main.count params=0 results=0 frame=12 ptrs=0,1,2,3,4 closure
  GETCTX s0
  LD64 s1, s0, 8
  CALLN test.where, s4, s9
  LDK s6, $N3
  JNEI s9, 1, start
  LDI s4, 1
  CALLN runtime.GOMAXPROCS, s4, s9
  LDK s6, $N
start:
  LDI s5, 0
loop:
  ADDI s5, s5, 1
  JLT s5, s6, loop
  CALLN test.where, s4, s9
  FADDR s2, 9
  CALLN runtime.chansend1, s1, s10
  RET
end
func main.main params=0 results=1 frame=12 ptrs=3,4,6,7
  TYPEADDR s1, %chint
  LDI s2, 0
  CALLN runtime.makechan, s1, s3
  NEW s4, %clo1
  LDI s5, @main.count
  ST64 s4, 0, s5
  STP s4, 8, s3
  CALLN runtime.newproc, s4, s5
  CALLN runtime.newproc, s4, s5
  MOV s6, s3
  FADDR s7, 9
  CALLN runtime.chanrecv1, s6, s8
  MOV s0, s9
  MOV s6, s3
  FADDR s7, 9
  CALLN runtime.chanrecv1, s6, s8
  ADD s0, s0, s9
  RET
end
.entry main.main
`;
    // The index of the M running the caller; `starts` keeps the first answer of each goroutine.
    const starts: number[] = [];
    const seen = new Set<number>();
    const where: NativeFn = (vm, g, _args, res) => {
      const m = lastMServerForTest()!.mG.indexOf(g);
      if (!seen.has(g)) {
        seen.add(g);
        starts.push(m);
      }
      vm.mem.i64[res >>> 3] = BigInt(m);
    };
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, budget: 2000, seed: 1, natives: new Map([["test.where", where]]) });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(starts.sort()).toEqual([0, 1]); // one started on M1 and retired it
    expect(r.vm.result(r.g, 0)).toBe(0n); // both finished on M0
    expect(r.sched.gomaxprocs).toBe(1);
  }, 40_000);
});

/** Two `for {}` goroutines; main spins until test.enough says the reports it wants were printed. */
const SPIN_REPORTS = `.native runtime.newproc
.native runtime.Gosched
.native test.enough
${SPIN_FUNC}func main.main params=0 results=1 frame=8 ptrs=2
  NEW s2, %clo0
  LDI s3, @main.spin
  ST64 s2, 0, s3
  CALLN runtime.newproc, s2, s3
  CALLN runtime.newproc, s2, s3
again:
  CALLN runtime.Gosched, s3, s3
  CALLN test.enough, s4, s5
  JEQI s5, 0, again
  LDI s0, 1
  RET
end
.entry main.main
`;

describe("GODEBUG=schedtrace under worker-thread Ms", () => {
  const enoughAfter = (n: number): NativeFn => {
    // n more reports after main first ran (on a worker M: the Ms are up).
    const deadline = Date.now() + 20_000;
    let first = -1;
    return (vm, _g, _args, res) => {
      const tr = lastMServerForTest()!.sched.trace!;
      if (first < 0) first = tr.reports;
      vm.mem.i64[res >>> 3] = tr.reports >= first + n || Date.now() > deadline ? 1n : 0n;
    };
  };

  it("summary lines in Go's layout, printed while both Ms run: real thread count, both Ps busy", () => {
    let out = "";
    const r = runGo(assemble(SPIN_REPORTS), { write: (s) => (out += s), gomaxprocs: 2, budget: 2000, seed: 1, GODEBUG: "schedtrace=10", natives: new Map([["test.enough", enoughAfter(8)]]) });
    expect(r.exitCode).toBe(0);
    const lines = out.split("\n").filter((l) => l !== "");
    if (process.env.MOBS_DEBUG) console.log(out);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    const re = /^SCHED (\d+)ms: gomaxprocs=2 idleprocs=(\d) threads=(\d+) spinningthreads=(\d) idlethreads=(\d) runqueue=(\d+) \[(\d+) (\d+)\]$/;
    for (const l of lines) expect(l).toMatch(re);
    const parsed = lines.map((l) => re.exec(l)!.slice(1).map(Number));
    expect(parsed[0][0]).toBe(0);
    // After the Ms started: 3 threads (the server M0 + two worker Ms); with 2 spinners and main
    // on 2 Ps, some report has both Ps running and no M idle.
    const late = parsed.filter((p) => p[2] === 3);
    expect(late.length).toBeGreaterThanOrEqual(4);
    expect(late.some((p) => p[1] === 0 && p[4] === 0)).toBe(true);
    // Times grow; most gaps are near the period although both Ms keep the server busy.
    const gaps = late.slice(1).map((p, k) => p[0] - late[k][0]);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(10);
    gaps.sort((a, b) => a - b);
    expect(gaps[gaps.length >> 1]).toBeLessThan(60);
  }, 40_000);

  it("scheddetail=1: P, M (newest first, M0 the server) and G lines show which M runs which G", () => {
    let out = "";
    const r = runGo(assemble(SPIN_REPORTS), { write: (s) => (out += s), gomaxprocs: 2, budget: 2000, seed: 1, GODEBUG: "schedtrace=10,scheddetail=1", natives: new Map([["test.enough", enoughAfter(8)]]) });
    expect(r.exitCode).toBe(0);
    if (process.env.MOBS_DEBUG) console.log(out);
    // the reports once main started the spinners (three G lines)
    const reports = out.split(/(?=^SCHED )/m).filter((s) => s.includes("threads=3") && (s.match(/^ {2}G/gm) ?? []).length === 3);
    expect(reports.length).toBeGreaterThanOrEqual(3);
    let sawBoth = false;
    for (const rep of reports) {
      const lines = rep.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^SCHED \d+ms: gomaxprocs=2 idleprocs=\d threads=3 spinningthreads=\d idlethreads=\d runqueue=\d+ gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0$/);
      expect(lines[1]).toMatch(/^ {2}P0: status=[01] schedtick=\d+ syscalltick=0 m=(-1|1) runqsize=\d+ gfreecnt=\d+ timerslen=\d+$/);
      expect(lines[2]).toMatch(/^ {2}P1: status=[01] schedtick=\d+ syscalltick=0 m=(-1|2) runqsize=\d+ gfreecnt=\d+ timerslen=\d+$/);
      expect(lines[3]).toMatch(/^ {2}M2: p=(-1|1) curg=-?\d+ mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=(true|false) blocked=(true|false) lockedg=-1$/);
      expect(lines[4]).toMatch(/^ {2}M1: p=(-1|0) curg=-?\d+ /);
      expect(lines[5]).toMatch(/^ {2}M0: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=-1$/);
      const gs = lines.slice(6); // main and the two spinners
      for (const g of gs) expect(g).toMatch(/^ {2}G\d+: status=\d\([^)]*\) m=(-1|1|2) lockedm=-1$/);
      // An M's curg is the G whose line names that M, running.
      const m2 = /curg=(-?\d+)/.exec(lines[3])![1];
      const m1 = /curg=(-?\d+)/.exec(lines[4])![1];
      if (m1 !== "-1" && m2 !== "-1") {
        sawBoth = true;
        expect(gs).toContain(`  G${m1}: status=2() m=1 lockedm=-1`);
        expect(gs).toContain(`  G${m2}: status=2() m=2 lockedm=-1`);
      }
    }
    expect(sawBoth).toBe(true);
  }, 40_000);
});

describe("CPU profiling under worker-thread Ms", () => {
  it("each M's goroutine is sampled: two spinning Ms give about two samples per tick", () => {
    // Two `for {}` goroutines and main (Gosched loop) on 2 Ms; main returns once 40 ticks of the
    // 100 Hz profiling clock passed since it first ran (both Ms up).
    const deadline = Date.now() + 20_000;
    let t0 = -1;
    let t1 = -1;
    const enough: NativeFn = (vm, _g, _args, res) => {
      const prof = lastMServerForTest()!.sched.prof;
      if (t0 < 0) t0 = prof.tick[0];
      t1 = prof.tick[0];
      vm.mem.i64[res >>> 3] = t1 - t0 >= 40 || Date.now() > deadline ? 1n : 0n;
    };
    let err = "";
    const r = runGo(assemble(SPIN_REPORTS), { write: (s) => (err += s), gomaxprocs: 2, budget: 2000, seed: 1, profile: { cpuHz: 100 }, natives: new Map([["test.enough", enough]]) });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    const p = r.sched.prof.lastCPU!;
    expect(p.name).toBe("cpu");
    let spin = 0;
    let total = 0;
    for (const s of p.samples) {
      total += s.values[0];
      expect(s.values[1]).toBe(s.values[0] * 1e7); // period 10 ms
      if (s.frames[0]?.func === "main.spin") spin += s.values[0];
    }
    const window = t1 - t0;
    expect(window).toBeGreaterThanOrEqual(40);
    // Both Ms busy through the window: ≈ 2 samples per tick (one per M), the spinners most of them.
    expect(total).toBeGreaterThanOrEqual(1.5 * window);
    expect(spin).toBeGreaterThanOrEqual(window);
  }, 40_000);
});

describe("runtime snapshots (dashboard, gort top) under worker-thread Ms", () => {
  it("count the threads and show the goroutine each M runs on its P", () => {
    // main waits (Gosched) until a spinner has run on the other M, then takes a snapshot from
    // inside a native (served on the server while both Ms hold a goroutine)
    const src = `.native runtime.newproc
.native runtime.Gosched
.native test.snap
${SPIN_FUNC}func main.main params=0 results=0 frame=6 ptrs=2
  NEW s2, %clo0
  LDI s3, @main.spin
  ST64 s2, 0, s3
  CALLN runtime.newproc, s2, s3
again:
  CALLN runtime.Gosched, s3, s3
  CALLN test.snap, s3, s4
  JEQI s4, 0, again
  RET
end
.entry main.main
`;
    let snap: RuntimeSnapshot | null = null;
    const deadline = Date.now() + 20_000;
    const natives = new Map<string, NativeFn>([
      ["test.snap", (vm, _g, _args, res) => {
        const t = takeSnapshot(lastMServerForTest()!.sched, 0);
        const done = t.runningThreads === 2 || Date.now() > deadline;
        if (done) snap = t;
        vm.mem.i64[res >>> 3] = done ? 1n : 0n;
      }],
    ]);
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, natives });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    const t = snap as RuntimeSnapshot | null;
    expect(t).not.toBeNull();
    expect(t!.threads).toBe(3); // two worker Ms + the program's thread
    expect(t!.runningThreads).toBe(2); // (was always 1 before the thread view)
    expect(t!.idleThreads).toBe(0);
    const curgs = t!.procs.map((p) => p.curg).sort((x, y) => x - y);
    expect(curgs[0]).toBe(1); // main
    expect(curgs[1]).toBeGreaterThan(4); // the spinner (goids 2–4 are the runtime's: proc.ts)
  }, 40_000);
});

describe("execution tracer under worker-thread Ms", () => {
  const GO = "/usr/lib/go-1.19/bin/go";
  /** Runs src on 2 Ms with a trace from the start; returns `go tool trace -d`'s event lines (null without Go). */
  const trace = (src: string, natives?: Map<string, NativeFn>, env: { GOGC?: string } = {}): { lines: string[] | null; bytes: Uint8Array } => {
    const chunks: Uint8Array[] = [];
    let tr: Tracer | null = null;
    let err = "";
    const r = runGo(assemble(src), {
      write: (s) => (err += s),
      gomaxprocs: 2,
      budget: 2000,
      seed: 1,
      natives,
      GOGC: env.GOGC,
      onSched: (sched) => (tr = startTrace(sched, (c) => void chunks.push(c.slice()))),
    });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    (tr as Tracer | null)!.stop();
    const bytes = Buffer.concat(chunks);
    if (!fs.existsSync(GO)) return { lines: null, bytes };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gort-mtrace-")), "m.trace");
    fs.writeFileSync(file, bytes);
    const d = spawnSync(GO, ["tool", "trace", "-d", file], { encoding: "utf8" });
    expect(d.status, d.stderr + d.stdout.slice(0, 2000)).toBe(0);
    return { lines: d.stdout.split("\n").filter((l) => /^\d+ /.test(l)), bytes };
  };
  it("two goroutines allocating across GC cycles: Go's parser accepts the trace, both Ps run goroutines", () => {
    // Each worker goroutine builds an N-node list and sends its length; GOGC=5 runs GC cycles
    // (stop-the-world, sweeps, assists) while both Ms allocate.
    const src = `${CHAN_HEADER}
.const N 20000
.type node size=24 ptrs=0 kind=25 str=main.node
.type clo1 size=16 ptrs=1 kind=19 str=func()
func main.build params=0 results=0 frame=12 ptrs=0,1,2,3,4 closure
  GETCTX s0
  LD64 s1, s0, 8
  LDI s3, 0
  LDI s5, 0
  LDK s6, $N
loop:
  NEW s4, %node
  STP s4, 0, s3
  MOV s3, s4
  ADDI s5, s5, 1
  JLT s5, s6, loop
  MOV s9, s5
  FADDR s2, 9
  CALLN runtime.chansend1, s1, s10
  RET
end
${sumOfBuilders(2)}.entry main.main
`;
    const { lines, bytes } = trace(src, undefined, { GOGC: "5" });
    expect(bytes.length).toBeGreaterThan(1000);
    if (lines === null) return;
    const on = (name: string, p: number): number => lines.filter((l) => l.split(" ")[1] === name && l.includes(` p=${p} `)).length;
    expect(on("GoStart", 0)).toBeGreaterThan(0);
    expect(on("GoStart", 1)).toBeGreaterThan(0);
    expect(lines.some((l) => / ProcStart p=1 .*thread=2$/.test(l))).toBe(true);
    expect(lines.some((l) => l.split(" ")[1] === "GCStart")).toBe(true);
    // every P's ProcStart/ProcStop alternate, starting with a start (the parser checks it too)
    for (const p of [0, 1]) {
      const ev = lines.filter((l) => / Proc(Start|Stop) /.test(l) && l.includes(` p=${p} `)).map((l) => l.split(" ")[1]);
      ev.forEach((e, k) => expect(e).toBe(k % 2 === 0 ? "ProcStart" : "ProcStop"));
    }
  }, 40_000);

  it("two spinning goroutines are shown running on both Ps at once", () => {
    let t0 = -1;
    const deadline = Date.now() + 20_000;
    const enough: NativeFn = (vm, _g, _args, res) => {
      if (t0 < 0) t0 = Date.now();
      vm.mem.i64[res >>> 3] = Date.now() - t0 > 300 || Date.now() > deadline ? 1n : 0n;
    };
    const { lines } = trace(SPIN_REPORTS, new Map([["test.enough", enough]]));
    if (lines === null) return;
    // Replay the parser's view: the G running on each P; some moment has both Ps running a G.
    const cur = new Map<number, number>();
    let both = false;
    for (const l of lines) {
      const f = l.split(" ");
      const p = Number(/ p=(\d+)/.exec(l)?.[1] ?? -1);
      if (f[1] === "GoStart") cur.set(p, Number(/ g=(\d+) seq/.exec(l)![1]));
      else if (/^Go(Preempt|Sched|End|Block.*|Sleep|Stop)$/.test(f[1])) cur.set(p, 0);
      if ((cur.get(0) ?? 0) !== 0 && (cur.get(1) ?? 0) !== 0) both = true;
    }
    expect(both).toBe(true);
  }, 40_000);

  it("GOMAXPROCS 2→3→1 during the trace: it parses, P2 ran goroutines, every P ends stopped", () => {
    const deadline = Date.now() + 25_000;
    const mstate: NativeFn = (vm, _g, args, res) => {
      const srv = lastMServerForTest()!;
      const phase = Number(vm.mem.i64[args >>> 3]);
      let v = 0;
      if (phase === 1) v = srv.n === 3 && srv.perM[2] > 0 ? 1 : 0;
      else if (srv.idle[1] && srv.idle[2]) v = 1;
      if (v === 0 && Date.now() > deadline) v = -1;
      vm.mem.i64[res >>> 3] = BigInt(v);
    };
    const { lines } = trace(RESIZE, new Map([["test.mstate", mstate]]));
    if (lines === null) return;
    const on = (name: string, p: number): number => lines.filter((l) => l.split(" ")[1] === name && l.includes(` p=${p} `)).length;
    expect(on("GoStart", 2)).toBeGreaterThan(0);
    expect(lines.filter((l) => l.split(" ")[1] === "Gomaxprocs").map((l) => /procs=(\d+)/.exec(l)![1])).toEqual(["2", "3", "1"]);
    for (const p of [0, 1, 2]) expect(on("ProcStart", p) - on("ProcStop", p)).toBe(0);
  }, 40_000);
});
