// Concurrent marking with worker Ms (mgcthreads.ts, MTHREADS.md "Concurrent marking with worker
// Ms"): programs run on two real worker threads while the runtime server marks. Node cannot load
// .ts in a worker, so mworker.ts is bundled with esbuild first (as mthreads.test.ts does).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assemble } from "./vm/asm.js";
import { runGo } from "./proc.js";
import { CHAN_HEADER, LIST_BUILD } from "./sched-programs.js";
import { lastMServerForTest } from "./mserver.js";
import { TestBundles } from "./mworker.testutil.js";
import { OP_NATIVE, OP_WB } from "./mworker.js";

// These tests check work done by worker Ms: the server must not run goroutines itself
// (mserverrun.ts, on by default; the adaptive tests in mfast.test.ts turn it on again).
process.env.GORT_MTHREADS_ADAPTIVE = "0";

const tb = new TestBundles();
beforeAll(() => tb.useMWorker());
afterAll(() => tb.done());


/** A goroutine summing 0..K−1 with no request at all until it sends (only budget ends check in). */
const SPIN = `
func main.spin params=0 results=0 frame=12 ptrs=0,1,2 closure
  GETCTX s0
  LD64 s1, s0, 8
  LDI s9, 0
  LDI s5, 0
  LDK s6, $K
loop:
  ADD s9, s9, s5
  ADDI s5, s5, 1
  JLT s5, s6, loop
  FADDR s2, 9
  CALLN runtime.chansend1, s1, s10
  RET
end
`;

/** main: starts build and spin on one channel, returns the sum of their two results. */
const MAIN_BUILD_SPIN = `func main.main params=0 results=1 frame=12 ptrs=3,4,6,7,10
  TYPEADDR s1, %chint
  LDI s2, 0
  CALLN runtime.makechan, s1, s3
  NEW s4, %clo1
  LDI s5, @main.build
  ST64 s4, 0, s5
  STP s4, 8, s3
  CALLN runtime.newproc, s4, s5
  NEW s10, %clo1
  LDI s5, @main.spin
  ST64 s10, 0, s5
  STP s10, 8, s3
  CALLN runtime.newproc, s10, s5
  MOV s6, s3
  FADDR s7, 9
  CALLN runtime.chanrecv1, s6, s8
  MOV s0, s9
  MOV s6, s3
  FADDR s7, 9
  CALLN runtime.chanrecv1, s6, s8
  ADD s0, s0, s9
  RET
end`;

describe("concurrent marking with worker Ms (GOMAXPROCS=2)", () => {
  it("marks while both Ms run bytecode; two STW pauses per cycle (gccheckmark stops for mark termination); lists intact", () => {
    // build allocates 30 000 nodes under GOGC=5 (many cycles) while spin computes without a
    // single request: the server marks between requests while they run, the builder's STPs go
    // through the remote barrier, spin's stack is scanned only when it checks in at a budget end.
    const N = 30000;
    const K = 2_000_000;
    const src = `${CHAN_HEADER}
.const N ${N}
.const K ${K}
.type node size=24 ptrs=0 kind=25 str=main.node
.type clo1 size=16 ptrs=1 kind=19 str=func()
${LIST_BUILD}
${SPIN}
${MAIN_BUILD_SPIN}
.entry main.main
`;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "5", GODEBUG: "gccheckmark=1,clobberfree=1", budget: 20000 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(BigInt((N * (N - 1)) / 2 + (K * (K - 1)) / 2));
    const srv = lastMServerForTest()!;
    const gcm = srv.gcm!;
    const gc = r.sched.gc!;
    expect(gcm.wholeCycle).toBe(false);
    expect(gc.numgc).toBeGreaterThan(3);
    // the server marked while an M was running bytecode…
    expect(gcm.overlappedSlices).toBeGreaterThan(0);
    expect(gcm.overlappedWork).toBeGreaterThan(0);
    // …and a worker stored pointers with the barrier on (the mark window overlapped bytecode)
    expect(srv.opCounts[OP_WB]).toBeGreaterThan(0);
    // a running goroutine's stack waited for its M to check in
    expect(gcm.checkInScans).toBeGreaterThan(0);
    // exactly the two STW phases per cycle (a cycle may be under way at exit)
    expect(gc.npauses - 2 * gc.numgc).toBeGreaterThanOrEqual(0);
    expect(gc.npauses - 2 * gc.numgc).toBeLessThanOrEqual(2);
    expect(srv.stwCount).toBeGreaterThanOrEqual(gc.npauses);
  }, 30_000);

  it("without gccheckmark, mark termination does not stop the Ms; lists intact (clobberfree)", () => {
    // The same program: only sweep termination stops the world; mark termination runs on the
    // server while build and spin keep running (the mark is final: only the server shades). A
    // node freed while still reachable would read 0xdeadbeef… in the walk (clobberfree).
    const N = 30000;
    const K = 2_000_000;
    const src = `${CHAN_HEADER}
.const N ${N}
.const K ${K}
.type node size=24 ptrs=0 kind=25 str=main.node
.type clo1 size=16 ptrs=1 kind=19 str=func()
${LIST_BUILD}
${SPIN}
${MAIN_BUILD_SPIN}
.entry main.main
`;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "5", GODEBUG: "clobberfree=1", budget: 20000 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(BigInt((N * (N - 1)) / 2 + (K * (K - 1)) / 2));
    const srv = lastMServerForTest()!;
    const gcm = srv.gcm!;
    const gc = r.sched.gc!;
    expect(gc.numgc).toBeGreaterThan(3);
    expect(gcm.unstoppedTerms).toBe(gc.numgc);
    expect(gcm.overlappedSlices).toBeGreaterThan(0);
    // one stop per cycle (sweep termination); a cycle may be under way at exit
    expect(srv.stwCount - gc.numgc).toBeGreaterThanOrEqual(0);
    expect(srv.stwCount - gc.numgc).toBeLessThanOrEqual(1);
  }, 30_000);

  it("sync/atomic.SwapPointer from two Ms during marks: no swapped-out object is lost (gccheckmark, clobberfree)", () => {
    // Two goroutines each swap N fresh nodes into one shared cell and sum the values of the
    // nodes they swap out after allocating more (a freed node would read 0xdeadbeef… or a reused
    // value). Swapped out + the node left in the cell = every value once: N(N−1). main keeps a
    // 100 000-node list live so that each mark lasts long enough to overlap many swaps.
    // With the barrier on, SwapPointer runs on the server (shade old and new, then swap).
    const N = 8000;
    const src = `${CHAN_HEADER}
.native sync/atomic.SwapPointer
.const N ${N}
.const L 100000
.type node size=24 ptrs=0 kind=25 str=main.node
.type cell size=8 ptrs=0 kind=25 str=main.cell
.type clo2 size=24 ptrs=1,2 kind=19 str=func()
func main.swapper params=0 results=0 frame=14 ptrs=0,1,2,3,4,7,8,10,12 closure
  GETCTX s0
  LD64 s1, s0, 8
  LD64 s3, s0, 16
  LDI s9, 0
  LDI s5, 0
  LDK s6, $N
loop:
  NEW s4, %node
  ST64 s4, 8, s5
  MOV s7, s3
  MOV s8, s4
  CALLN sync/atomic.SwapPointer, s7, s10
  NEW s12, %node
  NEW s12, %node
  NEW s12, %node
  JEQI s10, 0, skip
  LD64 s11, s10, 8
  ADD s9, s9, s11
skip:
  ADDI s5, s5, 1
  JLT s5, s6, loop
  FADDR s2, 9
  CALLN runtime.chansend1, s1, s10
  RET
end
func main.main params=0 results=1 frame=16 ptrs=3,4,6,7,10,12,13,14
  LDI s13, 0
  LDI s5, 0
  LDK s6, $L
live:
  NEW s14, %node
  STP s14, 0, s13
  MOV s13, s14
  ADDI s5, s5, 1
  JLT s5, s6, live
  TYPEADDR s1, %chint
  LDI s2, 0
  CALLN runtime.makechan, s1, s3
  NEW s12, %cell
  NEW s4, %clo2
  LDI s5, @main.swapper
  ST64 s4, 0, s5
  STP s4, 8, s3
  STP s4, 16, s12
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
  LD64 s10, s12, 0
  LD64 s11, s10, 8
  ADD s0, s0, s11
  RET
end
.entry main.main
`;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "5", GODEBUG: "gccheckmark=1,clobberfree=1", budget: 5000 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(BigInt(N * (N - 1)));
    const srv = lastMServerForTest()!;
    expect(r.sched.gc!.numgc).toBeGreaterThan(3);
    // swaps ran on the server (the barrier was on while the workers ran): the program's other
    // natives (makechan, newproc, chansend/chanrecv, re-executed after parking) are < 20 requests
    expect(srv.opCounts[OP_NATIVE]).toBeGreaterThan(40);
  }, 30_000);

  it("runtime.GC between concurrent cycles while another goroutine spins: list intact (gccheckmark)", () => {
    // spin announces itself on the channel, then runs without requests; main spins a while (so
    // that spin surely runs on the other M), then 8 times: builds 3000 kept + 9000 garbage nodes
    // (GOGC=5: concurrent cycles) and calls runtime.GC, which finishes a running mark at once
    // (markToCompletion; if spin's stack is still unscanned it stops the world: onMarkStuck).
    const K = 50_000_000;
    const spin2 = SPIN.replace("  LDI s9, 0\n", "  LDI s9, 0\n  FADDR s2, 9\n  CALLN runtime.chansend1, s1, s10\n");
    const src = `${CHAN_HEADER}
.native runtime.GC
.const N 3000
.const W 3000000
.const K ${K}
.type node size=24 ptrs=0 kind=25 str=main.node
.type clo1 size=16 ptrs=1 kind=19 str=func()
${spin2}
func main.main params=0 results=1 frame=12 ptrs=3,4,6,7,10,11
  TYPEADDR s1, %chint
  LDI s2, 0
  CALLN runtime.makechan, s1, s3
  NEW s10, %clo1
  LDI s5, @main.spin
  ST64 s10, 0, s5
  STP s10, 8, s3
  CALLN runtime.newproc, s10, s5
  MOV s6, s3
  FADDR s7, 9
  CALLN runtime.chanrecv1, s6, s8
  LDI s0, 0
  LDI s5, 0
  LDK s9, $W
wait:
  ADDI s5, s5, 1
  JLT s5, s9, wait
  LDI s5, 0
  LDI s4, 0
gcs:
  LDI s8, 0
  LDK s9, $N
alloc:
  NEW s6, %node
  STP s6, 0, s4
  ST64 s6, 8, s8
  MOV s4, s6
  NEW s11, %node
  NEW s11, %node
  NEW s11, %node
  ADDI s8, s8, 1
  JLT s8, s9, alloc
  CALLN runtime.GC, s7, s7
  ADDI s5, s5, 1
  LDI s8, 8
  JLT s5, s8, gcs
walk:
  JEQI s4, 0, done
  LD64 s8, s4, 8
  ADD s0, s0, s8
  LD64 s4, s4, 0
  JMP 0, walk
done:
  RET
end
.entry main.main
`;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "5", GODEBUG: "gccheckmark=1,clobberfree=1" });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(BigInt(8 * ((3000 * 2999) / 2)));
    const gcm = lastMServerForTest()!.gcm!;
    expect(r.sched.gc!.numgc).toBeGreaterThanOrEqual(4);
    // spin's stack had to wait for it at least once (at a check-in, or in a pause when a
    // runtime.GC found the mark stuck on it)
    expect(gcm.checkInScans + gcm.stuckMarks).toBeGreaterThan(0);
    expect(gcm.overlappedSlices).toBeGreaterThan(0);
  }, 30_000);
});
