// Fewer round trips for worker-thread Ms (MTHREADS.md "Fewer round trips"): per-M stack caches
// (mstackcache.ts) and the runnext grace (msteal.ts), unit-level and with real worker threads
// (the worker module is bundled with esbuild, as in mthreads.test.ts: Node cannot load .ts in a
// worker).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Heap } from "./malloc.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { FR_SLOTS, STK_FP, STK_HI, STK_LO, StackMin, type StackMapSource } from "./stack.js";
import { MStackCaches, STACK_CACHE_BYTES, growLocal } from "./mstackcache.js";
import { RunnextGrace } from "./msteal.js";
import { G_WAITING, P_BYTES, P_RUNNEXT, P_RUNQHEAD, P_RUNQTAIL, P_STATUS, PIDLE, PRUNNING } from "./runtime2.js";
import { LinearMemory } from "./mem.js";
import { Mailbox, MB_SPIN, MB_SPIN_MAX, MB_SPIN_MIN } from "./mailbox.js";
import { assemble } from "./vm/asm.js";
import type { NativeFn } from "./vm/interp.js";
import { runGo } from "./proc.js";
import { CHAN_HEADER, pingPong } from "./sched-programs.js";
import { lastMServerForTest } from "./mserver.js";
import { TestBundles } from "./mworker.testutil.js";
import { OP_NATIVE, OP_NEWSTACK, OP_SCHED } from "./mworker.js";

// These tests check work done by worker Ms: the server must not run goroutines itself
// (mserverrun.ts, on by default; the adaptive tests in mfast.test.ts turn it on again).
process.env.GORT_MTHREADS_ADAPTIVE = "0";

const tb = new TestBundles();
beforeAll(() => tb.useMWorker());
afterAll(() => tb.done());

/** One function (id 1, pc 0) whose frames hold a pointer in slot 0 and a scalar in slot 1. */
class OneMap implements StackMapSource {
  constructor(private readonly bm: number) {}
  stackMapAddr(): number {
    return this.bm;
  }
}

describe("per-M stack cache (mstackcache.ts)", () => {
  function setup() {
    const heap = new Heap({ capBytes: 64 << 20 });
    const mem = heap.mem;
    const stacks = heap.stacks;
    const bm = heap.mheap.persistentAlloc(8, 4, ST_OTHER_SYS);
    mem.u32[bm >>> 2] = 2; // two slots: slot 0 pointer, slot 1 scalar
    mem.u32[(bm >>> 2) + 1] = 1;
    const maps = new OneMap(bm);
    stacks.stackMaps = maps;
    const g = heap.mheap.persistentAlloc(256, 8, ST_OTHER_SYS);
    mem.zero(g, 256);
    stacks.initStack(g, StackMin);
    // three frames, each: slot 0 = address of the outer frame's slot 1 (or of its own in the
    // outermost), slot 1 = a scalar that looks like a stack address
    const fps: number[] = [];
    for (let k = 0; k < 3; k++) {
      const fp = stacks.pushFrame(g, 1, 0, FR_SLOTS + 16);
      fps.push(fp);
      const target = k === 0 ? fp + FR_SLOTS + 8 : fps[k - 1] + FR_SLOTS + 8;
      mem.u32[(fp + FR_SLOTS) >>> 2] = target;
      mem.u32[(fp + FR_SLOTS + 8) >>> 2] = fp + 4; // scalar: must not move
    }
    const base = heap.mheap.persistentAlloc(2 * STACK_CACHE_BYTES, 8, ST_OTHER_SYS);
    mem.zero(base, 2 * STACK_CACHE_BYTES);
    const caches = new MStackCaches(stacks, base);
    return { heap, mem, stacks, maps, g, fps, base, caches };
  }

  it("a refilled cache grows the stack locally: same layout as the server's copy, old stack kept for reuse", () => {
    const { mem, maps, g, fps, base, caches } = setup();
    const lo0 = mem.u32[(g + STK_LO) >>> 2];
    const hi0 = mem.u32[(g + STK_HI) >>> 2];
    expect(growLocal(mem, maps, base, g, 400)).toBe(false); // empty cache: remote path
    caches.refill(0);
    const frameBytes = hi0 - mem.u32[(g + STK_FP) >>> 2];
    expect(growLocal(mem, maps, base, g, 400)).toBe(true);
    const lo = mem.u32[(g + STK_LO) >>> 2];
    const hi = mem.u32[(g + STK_HI) >>> 2];
    const fp = mem.u32[(g + STK_FP) >>> 2];
    expect(hi - lo).toBe(2 * StackMin);
    expect(hi - fp).toBe(frameBytes);
    const delta = hi - hi0;
    for (let k = 0; k < 3; k++) {
      const nfp = fps[k] + delta;
      const want = (k === 0 ? fps[0] : fps[k - 1]) + FR_SLOTS + 8 + delta;
      expect(mem.u32[(nfp + FR_SLOTS) >>> 2]).toBe(want); // pointer slot relocated
      expect(mem.u32[(nfp + FR_SLOTS + 8) >>> 2]).toBe(fps[k] + 4); // scalar untouched
    }
    // the old 512-byte stack is in order 0 of M 0's cache; M 1's cache is untouched
    const w = base >>> 2;
    expect(mem.u32[w + 2]).toBe(1);
    expect(mem.u32[w + 3]).toBe(lo0);
    expect(caches.localCopies(2)).toBe(1);
    expect(mem.u32[(base + STACK_CACHE_BYTES) >>> 2]).toBe(0);
  });

  it("takes the remote path when the G has sudogs, the size is not cached, or SetMaxStack is below it", () => {
    const a = setup();
    a.caches.refill(0);
    a.mem.u32[(a.g + G_WAITING) >>> 2] = 0x1000;
    expect(growLocal(a.mem, a.maps, a.base, a.g, 400)).toBe(false);
    a.mem.u32[(a.g + G_WAITING) >>> 2] = 0;
    expect(growLocal(a.mem, a.maps, a.base, a.g, 9000)).toBe(false); // 16 KiB: not a cached order
    const b = setup();
    b.stacks.maxStackSize = 512;
    b.caches.refill(0);
    expect(growLocal(b.mem, b.maps, b.base, b.g, 400)).toBe(false);
    // nothing changed on refusal
    expect(b.mem.u32[(b.g + STK_HI) >>> 2] - b.mem.u32[(b.g + STK_LO) >>> 2]).toBe(StackMin);
  });

  it("refill keeps counts within bounds and gives surplus stacks back to the pools", () => {
    const { mem, base, caches, stacks } = setup();
    caches.refill(0);
    const w = base >>> 2;
    const count = (o: number) => mem.u32[w + 2 + o * 17];
    expect([count(0), count(1), count(2), count(3)]).toEqual([0, 8, 8, 8]);
    // order 0 overfull (the old stacks of 16 growths): drained to 8
    for (let k = 0; k < 16; k++) mem.u32[w + 2 + 1 + k] = stacks.stackalloc(StackMin);
    mem.u32[w + 2] = 16;
    caches.refill(0);
    expect(count(0)).toBe(8);
  });
});

describe("runnext grace (msteal.ts)", () => {
  function ps(mem: LinearMemory, n: number) {
    const list: number[] = [];
    for (let i = 0; i < n; i++) list.push(0x10000 + i * P_BYTES);
    for (const p of list) mem.zero(p, P_BYTES);
    return { length: n, at: (i: number) => list[i] };
  }
  it("hides a running P's fresh runnext from stealing until the grace has passed", async () => {
    const mem = new LinearMemory();
    const P = ps(mem, 2);
    const [p0, p1] = [P.at(0), P.at(1)];
    mem.u32[(p0 + P_STATUS) >>> 2] = PRUNNING;
    mem.u32[(p0 + P_RUNNEXT) >>> 2] = 0x777;
    const grace = new RunnextGrace(20_000); // 20 ms
    const seen: number[] = [];
    const steal = (p: number) => {
      expect(p).toBe(p1);
      seen.push(mem.u32[(p0 + P_RUNNEXT) >>> 2]);
      return 0;
    };
    grace.stealFor(mem, P, p1, steal);
    expect(seen).toEqual([0]); // hidden during the steal
    expect(mem.u32[(p0 + P_RUNNEXT) >>> 2]).toBe(0x777); // and restored
    expect(grace.retryInMs()).toBeGreaterThan(0);
    expect(grace.retryInMs()).toBeLessThanOrEqual(20);
    await new Promise((r) => setTimeout(r, 30));
    grace.stealFor(mem, P, p1, steal);
    expect(seen).toEqual([0, 0x777]); // grace over: stealable
    // an idle P's runnext, or a P with a non-empty ring, is never shielded
    const g2 = new RunnextGrace(20_000);
    mem.u32[(p0 + P_RUNNEXT) >>> 2] = 0x778;
    mem.u32[(p0 + P_STATUS) >>> 2] = PIDLE;
    g2.stealFor(mem, P, p1, steal);
    mem.u32[(p0 + P_STATUS) >>> 2] = PRUNNING;
    mem.u32[(p0 + P_RUNQTAIL) >>> 2] = mem.u32[(p0 + P_RUNQHEAD) >>> 2] + 1;
    g2.stealFor(mem, P, p1, steal);
    expect(seen).toEqual([0, 0x777, 0x778, 0x778]);
    // grace 0: the old behaviour
    mem.u32[(p0 + P_RUNQTAIL) >>> 2] = mem.u32[(p0 + P_RUNQHEAD) >>> 2];
    new RunnextGrace(0).stealFor(mem, P, p1, steal);
    expect(seen.at(-1)).toBe(0x778);
  });
});

describe("programs on worker Ms (GOMAXPROCS=2)", () => {
  it("40 goroutines recursing 300 frames deep with pointers into their stacks: local growth keeps every pointer right", () => {
    // Stacks grow 0.5 → 1 → 2 → 4 KiB from the M's cache, then 8/16/32 KiB remotely; NEW at every
    // level and GOGC=5 + gccheckmark run GC cycles (stack scans) in between; budget 50 preempts
    // deep.
    let err = "";
    const r = runGo(assemble(deepProgram(D, K)), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "5", GODEBUG: "gccheckmark=1", budget: 50 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(BigInt(K * deepPerG(D)));
    const srv = lastMServerForTest()!;
    expect(srv.sched).toBe(r.sched);
    // 6 growths per goroutine; the first three come from the caches once they are stocked
    expect(srv.localStackCopiesForTest()).toBeGreaterThan(K);
    expect(srv.opCounts[OP_NEWSTACK]).toBeLessThan(5 * K);
  }, 60_000);

  it("ping-pong on two Ms stays mostly on one M: fewer SCHED requests than round trips", () => {
    // Without the grace an idle M steals every readied partner at once: ≈ 2 SCHED per round
    // trip (the control run). The grace is raised to 5 ms here: under vitest the VM is ~100×
    // slower, so the owner M needs far longer than the default 100 µs to come back for its
    // runnext.
    const n = 300;
    const sched = (graceUs: string): number => {
      const old = process.env.GORT_MTHREADS_GRACE_US;
      process.env.GORT_MTHREADS_GRACE_US = graceUs;
      try {
        let err = "";
        const r = runGo(assemble(pingPong(n)), { write: (s) => (err += s), gomaxprocs: 2, seed: 1 });
        expect(err).toBe("");
        expect(r.exitCode).toBe(0);
        expect(r.vm.result(r.g, 0)).toBe(BigInt(n));
        const srv = lastMServerForTest()!;
        expect(srv.sched).toBe(r.sched);
        return srv.opCounts[OP_SCHED];
      } finally {
        if (old === undefined) delete process.env.GORT_MTHREADS_GRACE_US;
        else process.env.GORT_MTHREADS_GRACE_US = old;
      }
    };
    expect(sched("5000")).toBeLessThan(n / 2);
    expect(sched("0")).toBeGreaterThan(n);
  }, 30_000);
});

describe("adaptive mailbox spin (mailbox.ts)", () => {
  it("a doorbell that rings within the spin raises it (to MB_SPIN_MAX), a sleep halves it (to MB_SPIN_MIN)", () => {
    const box = new Mailbox(new SharedArrayBuffer(1024), 0, 1);
    const [, s0] = box.spinsForTest();
    expect(s0).toBe(MB_SPIN);
    Atomics.add(box.w, 0, 1); // rung before the wait: found during the spin
    box.waitBell(0, 5);
    expect(box.spinsForTest()[1]).toBeGreaterThan(s0);
    for (let k = 0; k < 40; k++) box.waitBell(box.bell() - 1, 5);
    expect(box.spinsForTest()[1]).toBe(MB_SPIN_MAX);
    for (let k = 0; k < 20; k++) box.waitBell(box.bell(), 0.01); // nobody rings: sleeps
    expect(box.spinsForTest()[1]).toBe(MB_SPIN_MIN);
  });
});

describe("pure natives on a worker (mpurenatives.ts)", () => {
  it("memmove and bytealg.IndexByte run on the M: right results, no NATIVE requests", () => {
    // 1000 × { s6 = 0; memmove(&s6, &s4, 8); sum += IndexByte(s6's 8 bytes, 3) } with
    // s4 = bytes 01 02 03 04 00 00 00 00: each IndexByte finds 3 at index 2 only if the memmove
    // really copied.
    const src = `.native runtime.memmove
.native internal/bytealg.IndexByte
func main.main params=0 results=1 frame=20 ptrs=7,8,15
  LDI s0, 0
  LDI s4, 0x04030201
  LDI s13, 0
  LDI s14, 1000
loop:
  LDI s6, 0
  FADDR s7, 6
  FADDR s8, 4
  LDI s9, 8
  CALLN runtime.memmove, s7, s12
  FADDR s15, 6
  LDI s16, 8
  LDI s17, 8
  LDI s18, 3
  CALLN internal/bytealg.IndexByte, s15, s12
  ADD s0, s0, s12
  ADDI s13, s13, 1
  JLT s13, s14, loop
  RET
end
.entry main.main
`;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(2000n);
    const srv = lastMServerForTest()!;
    expect(srv.sched).toBe(r.sched);
    expect(srv.opCounts[OP_SCHED]).toBeGreaterThan(0); // main really ran on an M
    expect(srv.opCounts[OP_NATIVE]).toBeLessThan(10);
  });
});

describe("adaptive server-run and lazy start (mserverrun.ts, GORT_MTHREADS_ADAPTIVE=1)", () => {
  const withLazy = <T>(f: () => T): T => {
    const old = process.env.GORT_MTHREADS_ADAPTIVE;
    process.env.GORT_MTHREADS_ADAPTIVE = "1";
    try {
      return f();
    } finally {
      if (old === undefined) delete process.env.GORT_MTHREADS_ADAPTIVE;
      else process.env.GORT_MTHREADS_ADAPTIVE = old;
    }
  };

  it("a program with one goroutine runs on the server and never starts a thread", () => {
    const src = `
func main.main params=0 results=1 frame=3
  LDI s0, 0
  LDI s1, 0
  LDI s2, 100000
loop:
  ADD s0, s0, s1
  ADDI s1, s1, 1
  JLT s1, s2, loop
  RET
end
.entry main.main
`;
    let err = "";
    const r = withLazy(() => runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, budget: 100 }));
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(BigInt((100000 * 99999) / 2));
    const srv = lastMServerForTest()!;
    expect(srv.sched).toBe(r.sched);
    const run = srv.serverRunForTest();
    expect(run.slices).toBeGreaterThan(100); // budget 100: many slices, all on this thread
    expect(run.pending).toBe(true); // Ms never spawned
    expect(srv.served).toBe(0);
  });

  it("slices the server runs itself are CPU-profiled (one goroutine, no thread started)", () => {
    // main spins, asking test.enough every 2000 iterations until 30 ticks of the 100 Hz clock passed
    const src = `.native test.enough
func main.main params=0 results=1 frame=6
again:
  LDI s1, 0
  LDI s2, 2000
loop:
  ADDI s1, s1, 1
  JLT s1, s2, loop
  CALLN test.enough, s3, s4
  JEQI s4, 0, again
  LDI s0, 1
  RET
end
.entry main.main
`;
    const deadline = Date.now() + 20_000;
    let t0 = -1;
    let t1 = -1;
    const enough: NativeFn = (vm, _g, _args, res) => {
      const prof = lastMServerForTest()!.sched.prof;
      if (t0 < 0) t0 = prof.tick[0];
      t1 = prof.tick[0];
      vm.mem.i64[res >>> 3] = t1 - t0 >= 30 || Date.now() > deadline ? 1n : 0n;
    };
    let err = "";
    const r = withLazy(() => runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, budget: 2000, profile: { cpuHz: 100 }, natives: new Map([["test.enough", enough]]) }));
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(lastMServerForTest()!.serverRunForTest().pending).toBe(true); // all on the server
    let main = 0;
    for (const smp of r.sched.prof.lastCPU!.samples) if (smp.frames.some((f) => f.func === "main.main")) main += smp.values[0];
    expect(t1 - t0).toBeGreaterThanOrEqual(30);
    expect(main).toBeGreaterThanOrEqual(0.6 * (t1 - t0)); // (without the server's own sampling: 0)
  }, 40_000);

  it("goroutines start on the server, the Ms take over once ready: results intact (GC cycles throughout)", () => {
    let err = "";
    const D = 300;
    const K = 400;
    const r = withLazy(() => runGo(assemble(deepProgram(D, K)), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "5", GODEBUG: "gccheckmark=1", budget: 50 }));
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(BigInt(K * deepPerG(D)));
    const srv = lastMServerForTest()!;
    const run = srv.serverRunForTest();
    expect(run.slices).toBeGreaterThan(0);
    expect(run.pending).toBe(false); // 400 runnable goroutines: the Ms were spawned
  }, 60_000);

  it("computing goroutines go to the Ms; after runtime.LockOSThread they run on the program's thread only", () => {
    // two goroutines compute in chunks until test.onM sees them on an M (handed out once the Ms
    // are up), lock, compute on, report where they run; main sleeps until both reported
    const src = `.native runtime.newproc
.native runtime.LockOSThread
.native time.Sleep
.native test.onM
.native test.where
.native test.done
.type clo0 size=8 kind=19 str=func()
func main.work params=0 results=0 frame=4 closure
chunk:
  LDI s0, 0
  LDI s1, 1000000
loop1:
  ADDI s0, s0, 1
  JLT s0, s1, loop1
  CALLN test.onM, s2, s3
  JEQI s3, 0, chunk
  CALLN runtime.LockOSThread, s2, s3
  LDI s0, 0
  LDI s1, 1000000
loop2:
  ADDI s0, s0, 1
  JLT s0, s1, loop2
  CALLN test.where, s2, s3
  RET
end
func main.main params=0 results=0 frame=6 ptrs=2
  NEW s2, %clo0
  LDI s3, @main.work
  ST64 s2, 0, s3
  CALLN runtime.newproc, s2, s3
  CALLN runtime.newproc, s2, s3
wait:
  LDI s3, 10000000
  CALLN time.Sleep, s3, s4
  CALLN test.done, s3, s4
  JEQI s4, 0, wait
  RET
end
.entry main.main
`;
    const onM = (g: number): boolean => lastMServerForTest()!.mG.includes(g);
    const deadline = Date.now() + 30_000;
    const before: boolean[] = [];
    const after: boolean[] = [];
    const natives = new Map<string, NativeFn>([
      ["test.onM", (vm, g, _args, res) => {
        const m = onM(g);
        if (m || Date.now() > deadline) before.push(m);
        vm.mem.i64[res >>> 3] = m || Date.now() > deadline ? 1n : 0n;
      }],
      ["test.where", (_vm, g) => void after.push(onM(g))],
      ["test.done", (vm, _g, _args, res) => void (vm.mem.i64[res >>> 3] = after.length >= 2 ? 1n : 0n)],
    ]);
    let err = "";
    const r = withLazy(() => runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, natives }));
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(before).toEqual([true, true]); // both computing goroutines were handed to the Ms
    expect(after).toEqual([false, false]); // locked: back on this thread (fails without the G_LOCKED rules)
  }, 60_000);

  it("deadlock is still reported when the only goroutine blocks before any M started", () => {
    const src = `.native runtime.block
func main.main params=0 results=0 frame=2
  CALLN runtime.block, s0, s1
  RET
end
.entry main.main
`;
    let err = "";
    const r = withLazy(() => runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1 }));
    expect(r.exitCode).toBe(2);
    expect(err).toContain("fatal error: all goroutines are asleep - deadlock!");
    expect(lastMServerForTest()!.serverRunForTest().pending).toBe(true);
  });
});

const D = 300;
const K = 40;

/** Per goroutine of deepProgram: 1 + Σ_{d=1..D} (d + 1). */
function deepPerG(d: number): number {
  return 1 + (d * (d + 1)) / 2 + d;
}

/**
 * K goroutines each compute rec(&v0, D) with v0 = D + 1 and send it; main sums the K results.
 * rec(p, d): v := d; return rec(&v, d−1) + *p (bottom: *p). A pointer slot that a stack copy
 * failed to relocate reads a freed (and, with the caches, soon reused) stack.
 */
function deepProgram(D: number, K: number): string {
  return `${CHAN_HEADER}
.const D ${D}
.const D1 ${D + 1}
.const K ${K}
.type node size=24 ptrs=0 kind=25 str=main.node
.type clo1 size=16 ptrs=1 kind=19 str=func()
func main.rec params=2 results=1 frame=10 ptrs=0,4,5,6
  JEQI s1, 0, bottom
  MOV s3, s1
  NEW s4, %node
  FADDR s5, 3
  MOV s6, s5
  ADDI s7, s1, -1
  CALL main.rec, s6, s8
  LD64 s9, s0, 0
  ADD s2, s8, s9
  RET
bottom:
  LD64 s2, s0, 0
  RET
end
func main.work params=0 results=0 frame=10 ptrs=0,1,3,4,7,8 closure
  GETCTX s0
  LD64 s1, s0, 8
  LDK s2, $D1
  FADDR s3, 2
  MOV s4, s3
  LDK s5, $D
  CALL main.rec, s4, s6
  MOV s7, s1
  FADDR s8, 6
  CALLN runtime.chansend1, s7, s9
  RET
end
func main.main params=0 results=1 frame=12 ptrs=3,4,6,7
  TYPEADDR s1, %chint
  LDI s2, 0
  CALLN runtime.makechan, s1, s3
  NEW s4, %clo1
  LDI s5, @main.work
  ST64 s4, 0, s5
  STP s4, 8, s3
  LDI s10, 0
  LDK s11, $K
spawn:
  CALLN runtime.newproc, s4, s5
  ADDI s10, s10, 1
  JLT s10, s11, spawn
  LDI s0, 0
  LDI s10, 0
recv:
  MOV s6, s3
  FADDR s7, 9
  CALLN runtime.chanrecv1, s6, s8
  ADD s0, s0, s9
  ADDI s10, s10, 1
  JLT s10, s11, recv
  RET
end
.entry main.main
`;
}
