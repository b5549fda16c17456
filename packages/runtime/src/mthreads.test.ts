// Worker-thread Ms (MTHREADS.md): the mailbox protocol with real workers, and programs run by
// worker Ms under GOMAXPROCS=2. Node cannot load .ts in a worker, so the worker modules are
// bundled with esbuild first (as scripts/dev-gort.mjs does for the CLI).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { Mailbox, MB_REQ, MB_SERVING, mailboxBytes } from "./mailbox.js";
import { assemble } from "./vm/asm.js";
import { runGo } from "./proc.js";
import { lastMServerForTest } from "./mserver.js";
import { TestBundles } from "./mworker.testutil.js";
import { OP_MALLOC, OP_NATIVE, OP_SCHED } from "./mworker.js";
import { CHAN_HEADER, LIST_BUILD, SPIN_MAIN, pingPong, sumOfBuilders } from "./sched-programs.js";
import { LinearMemory } from "./mem.js";
import { addAtomicNatives } from "./atomic.js";
import { workerLocalNatives } from "./mthreadnatives.js";
import { PIN_NATIVES } from "./sema.js";
import type { NativeFn, VM } from "./vm/interp.js";

// These tests check work done by worker Ms: the server must not run goroutines itself
// (mserverrun.ts, on by default; the adaptive tests in mfast.test.ts turn it on again).
process.env.GORT_MTHREADS_ADAPTIVE = "0";

const tb = new TestBundles();
let echoWorker = "";
afterAll(() => tb.done());
beforeAll(() => {
  // M entry: the real mworker.ts (starts its loop when workerData says so).
  tb.useMWorker();
  // Mailbox client: `calls` requests of op 7 (a0 + a1); checks each reply, then exits.
  echoWorker = tb.bundle(
    "echo",
    `import { Mailbox } from "./mailbox.ts";
import { workerData, parentPort } from "node:worker_threads";
const { sab, base, n, id, calls } = workerData;
const box = new Mailbox(sab, base, n);
let bad = 0;
for (let k = 0; k < calls; k++) if (box.call(id, 7, k, id * 1000, 0, 0) !== k + id * 1000) bad++;
parentPort.postMessage(bad);`,
  );
});

describe("mailbox protocol (real workers)", () => {
  it("two workers × 2000 calls: every request served once, replies reach the right worker", async () => {
    const n = 2;
    const calls = 2000;
    const sab = new SharedArrayBuffer(4096);
    const base = 256;
    const box = new Mailbox(sab, base, n);
    expect(mailboxBytes(n)).toBe(192);
    const done: Promise<number>[] = [];
    const ws: Worker[] = [];
    for (let id = 0; id < n; id++) {
      const w = new Worker(echoWorker, { workerData: { sab, base, n, id, calls } });
      ws.push(w);
      done.push(new Promise((res, rej) => (w.once("message", res), w.once("error", rej))));
    }
    // The server side, on this thread: serve until both made `calls` requests.
    let served = 0;
    const per = [0, 0];
    const t0 = Date.now();
    while (served < n * calls && Date.now() - t0 < 15_000) {
      const seen = box.bell();
      let any = false;
      for (let i = 0; i < n; i++) {
        if (box.state(i) !== MB_REQ) continue;
        expect(box.op(i)).toBe(7);
        box.take(i);
        box.reply(i, box.arg(i, 0) + box.arg(i, 1), 0);
        served++;
        per[i]++;
        any = true;
      }
      if (!any) box.waitBell(seen, 5);
    }
    expect(await Promise.all(done)).toEqual([0, 0]);
    expect(per).toEqual([calls, calls]);
    for (const w of ws) await w.terminate();
  }, 20_000);

  it("waitBell returns on the doorbell or at its timeout", () => {
    const box = new Mailbox(new SharedArrayBuffer(1024), 0, 1);
    const seen = box.bell();
    const t0 = Date.now();
    box.waitBell(seen, 30);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    Atomics.add(box.w, 0, 1);
    const t1 = Date.now();
    box.waitBell(seen, 5000);
    expect(Date.now() - t1).toBeLessThan(1000);
  });
});

describe("worker-local natives", () => {
  it("sync/atomic with Atomics gives atomic.ts's results and memory for every function", () => {
    // Same operands through both implementations on two memories; memory words and result slots
    // must agree (sign/zero extension, wraparound, CAS success (even x: expected = the cell) and
    // failure, pointers).
    const ref = new Map<string, NativeFn>();
    addAtomicNatives(null, ref);
    const mk = () => {
      const mem = new LinearMemory();
      return { mem, vm: { mem, setPanic: () => undefined } as unknown as VM };
    };
    const A = mk();
    const B = mk();
    const local = workerLocalNatives(B.mem);
    const cell = 0x2000;
    const args = 0x2100;
    const res = 0x2200;
    const vals = [0n, 1n, -1n, 0x7fffffffn, -0x80000000n, 0xffffffffn, 0x123456789abcdefn, -(2n ** 63n), 2n ** 63n - 1n];
    let checked = 0;
    const atomics = [...local.keys()].filter((name) => !PIN_NATIVES.has(name)); // (procPin/Unpin: vm.test.ts)
    for (const name of atomics) {
      expect(ref.has(name)).toBe(true);
      for (const init of vals)
        for (const x of vals) {
          for (const S of [A, B]) {
            S.mem.i64[cell >>> 3] = BigInt.asIntN(64, init);
            S.mem.i64[args >>> 3] = BigInt(cell);
            S.mem.i64[(args + 8) >>> 3] = BigInt.asIntN(64, name.includes("CompareAndSwap") && (x & 1n) === 0n ? init : x);
            S.mem.i64[(args + 16) >>> 3] = BigInt.asIntN(64, x);
            S.mem.i64[res >>> 3] = 0n;
          }
          if (name.includes("Pointer")) for (const S of [A, B]) S.mem.u32[(cell + 4) >>> 2] = 0; // pointer slots
          ref.get(name)!(A.vm, 0, args, res);
          local.get(name)!(B.vm, 0, args, res);
          expect([name, B.mem.i64[cell >>> 3], B.mem.i64[res >>> 3]]).toEqual([name, A.mem.i64[cell >>> 3], A.mem.i64[res >>> 3]]);
          checked++;
        }
    }
    expect(checked).toBe(atomics.length * vals.length * vals.length);
    expect(atomics.length).toBe(29);
  });
});

describe("programs on worker Ms (GOMAXPROCS=2)", () => {
  it("ping-pong between goroutines on two Ms: every round trip's value intact", () => {
    let err = "";
    const r = runGo(assemble(pingPong(300)), { write: (s) => (err += s), gomaxprocs: 2, seed: 1 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(300n);
    const srv = lastMServerForTest();
    expect(srv?.sched).toBe(r.sched); // really served by worker Ms
    expect(srv!.opCounts[OP_NATIVE]).toBeGreaterThanOrEqual(600); // each send and receive
  }, 20_000);

  it("two goroutines allocating lists across GC cycles (gccheckmark, concurrent mark): lists intact", () => {
    // each worker goroutine builds an N-node list (NEW in a loop, next pointer stored with STP),
    // walks it summing v and the never-written third word (NEW zeroes it), and sends the sum;
    // GOGC=5 forces many cycles while both Ms allocate; a budget of 40 back-branches stops the
    // other M mid-batch (budget-end check-in) rather than at its next MALLOC. clobberfree: a freed object handed out
    // again (an allocation cache not emptied at a GC) shows as 0xdeadbeef in the third word.
    const src = `${CHAN_HEADER}
.const N 30000
.type node size=24 ptrs=0 kind=25 str=main.node
.type clo1 size=16 ptrs=1 kind=19 str=func()
${LIST_BUILD}${sumOfBuilders(2)}.entry main.main
`;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1, GOGC: "5", GODEBUG: "gccheckmark=1,clobberfree=1", budget: 40 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(BigInt(30000 * 29999));
    const srv = lastMServerForTest()!;
    expect(srv.stwCount).toBeGreaterThan(0); // GC cycles ran with the world stopped
    expect(srv.opCounts[OP_MALLOC]).toBeGreaterThan(0);
    expect(srv.opCounts[OP_MALLOC]).toBeLessThan(60000 / 8); // batched into the M's allocation cache
    expect(srv.opCounts[OP_SCHED]).toBeGreaterThan(0);
  }, 20_000);

  it("print/println on an M reach runGo's write sink, whole and in order (OP_PRINT)", () => {
    // main (on a worker M) prints 0..299, one line each, then returns
    const src = `func main.main params=0 results=0 frame=4
  LDI s0, 0
  LDI s1, 300
loop:
  PRINTI s0
  PRINTNL
  ADDI s0, s0, 1
  JLT s0, s1, loop
  RET
end
.entry main.main
`;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1 });
    expect(r.exitCode).toBe(0);
    expect(lastMServerForTest()?.sched).toBe(r.sched); // ran on worker Ms
    expect(err).toBe(Array.from({ length: 300 }, (_, i) => `${i}\n`).join(""));
  }, 20_000);

  it("two goroutines spinning forever do not stop main from finishing", () => {
    const src = SPIN_MAIN;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, budget: 1000, seed: 1 });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(20000n);
  }, 20_000);

  it("after main returns with goroutines running on the Ms, a runtime.GC on this thread completes (the Ms were stopped before their threads ended)", () => {
    // (runprof's final runtime.GC for --memprofile.) With a long budget the spinner runs
    // between requests most of the time. A thread terminated there, or before it took a reply
    // already posted, never reaches a safe point, and the GC's stop-the-world waited for it
    // forever (seen with `gort run --memprofile` on a loaded machine).
    process.env.GORT_MTHREADS_ADAPTIVE = "0";
    let err = "";
    let r: ReturnType<typeof runGo>;
    try {
      r = runGo(assemble(SPIN_MAIN), { write: (s) => (err += s), gomaxprocs: 2, budget: 5_000_000, seed: 1 });
    } finally {
      delete process.env.GORT_MTHREADS_ADAPTIVE;
    }
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    // every M was stopped at a safe point (a request posted, or idle) before its thread ended:
    // without the exit stop, the spinner's M is still running here
    const srv = lastMServerForTest()!;
    expect(srv.perM.filter((k) => k > 0).length).toBe(2); // (both Ms ran goroutines)
    for (let i = 0; i < srv.box.n; i++) expect([MB_REQ, MB_SERVING]).toContain(srv.box.state(i));
    const n = r.sched.gc!.numgc;
    r.sched.gc!.GC();
    expect(r.sched.gc!.numgc).toBe(n + 1);
  }, 20_000);

  it("deadlock is detected when every M is idle", () => {
    const src = `.native runtime.block
func main.main params=0 results=0 frame=2
  CALLN runtime.block, s0, s1
  RET
end
.entry main.main
`;
    let err = "";
    const r = runGo(assemble(src), { write: (s) => (err += s), gomaxprocs: 2, seed: 1 });
    expect(r.exitCode).toBe(2);
    expect(err).toContain("fatal error: all goroutines are asleep - deadlock!");
    expect(err).toContain("goroutine 1 [select (no cases)]:");
  }, 20_000);
});
