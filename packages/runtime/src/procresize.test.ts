import { describe, expect, it } from "vitest";
import { assemble } from "./vm/asm.js";
import { runGo, type Sched } from "./proc.js";
import { VirtualClock } from "./time.js";
import { G_SCHEDLINK, P_RUNQHEAD, P_RUNQTAIL, P_STATUS, PDEAD, PIDLE, PRUNNING, SCHED_RUNQHEAD, SCHED_RUNQSIZE, SCHED_RUNQTAIL } from "./runtime2.js";

const MAIN = `
func main.main params=0 results=1 frame=2
  LDI s0, 7
  RET
end
.entry main.main
`;

/** The global run queue, head first; then emptied (the fake Gs below must never run). */
function drainGlobal(s: Sched): number[] {
  const u32 = s.mem.u32;
  const out: number[] = [];
  for (let g = u32[(s.sched + SCHED_RUNQHEAD) >>> 2]; g !== 0; g = u32[(g + G_SCHEDLINK) >>> 2]) out.push(g);
  expect(out.length).toBe(s.globrunqsize());
  u32[(s.sched + SCHED_RUNQHEAD) >>> 2] = 0;
  u32[(s.sched + SCHED_RUNQTAIL) >>> 2] = 0;
  u32[(s.sched + SCHED_RUNQSIZE) >>> 2] = 0;
  return out;
}

describe("procresize (runtime.GOMAXPROCS) and stealing", () => {
  it("adds idle Ps, reuses removed records, hands a removed P's Gs to the global queue head in Go's order; steals half", () => {
    let checked = false;
    const r = runGo(assemble(MAIN), {
      write: () => {},
      clock: new VirtualClock(),
      seed: 1,
      onSched: (s) => {
        const u32 = s.mem.u32;
        const fake = () => s.vm.newG();
        expect(s.procresize(3)).toBe(1);
        expect(s.gomaxprocs).toBe(3);
        expect(s.ps.map((p) => u32[(p + P_STATUS) >>> 2])).toEqual([PRUNNING, PIDLE, PIDLE]);
        const p1 = s.ps.at(1);
        // P2 holds g1, g2 in its ring and g3 in runnext; a Gosched'ed g0 waits in the global queue.
        const [g0, g1, g2, g3] = [fake(), fake(), fake(), fake()];
        s.globrunqput(g0);
        s.runqput(s.ps.at(2), g1, false);
        s.runqput(s.ps.at(2), g2, false);
        s.runqput(s.ps.at(2), g3, true);
        const p2 = s.ps.at(2);
        expect(s.procresize(1)).toBe(3);
        expect(u32[(p2 + P_STATUS) >>> 2]).toBe(PDEAD);
        expect(drainGlobal(s)).toEqual([g3, g1, g2, g0]); // p.destroy: runnext, then the ring in order, at the head
        // Growing again reuses the old records, reset and idle.
        expect(s.procresize(2)).toBe(1);
        expect(s.ps.at(1)).toBe(p1);
        expect(u32[(p1 + P_RUNQHEAD) >>> 2]).toBe(u32[(p1 + P_RUNQTAIL) >>> 2]);
        // Stealing: P1 has 4 runnable Gs; P0 takes half (one to run now, one into its ring).
        const gs = [fake(), fake(), fake(), fake()];
        for (const g of gs) s.runqput(p1, g, false);
        const steal = (s as unknown as { stealWork(p: number): number }).stealWork(s.ps.at(0));
        expect(steal).toBe(gs[0]);
        const p0 = s.ps.at(0);
        expect(s.runqlen(p0)).toBe(1);
        expect(s.runqlen(p1)).toBe(2);
        u32[(p0 + P_RUNQHEAD) >>> 2] = u32[(p0 + P_RUNQTAIL) >>> 2]; // drop the fake G again
        expect(s.procresize(1)).toBe(2);
        expect(drainGlobal(s)).toEqual([gs[2], gs[3]]);
        checked = true;
      },
    });
    expect(checked).toBe(true);
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(7n);
  });

  it("per-P timer heaps: a timer goes to the current P's heap; the earliest of all comes first; a removed P's timers move to P0", () => {
    let checked = false;
    const r = runGo(assemble(MAIN), {
      write: () => {},
      clock: new VirtualClock(),
      seed: 1,
      onSched: (s) => {
        s.procresize(3);
        const t = s.timers;
        const [p0, p1, p2] = [s.ps.at(0), s.ps.at(1), s.ps.at(2)];
        const saved = s.p;
        // fake entries (odd g = runtime timer tag, never fired here): (when, g, seq)
        s.p = p1;
        t.push(300, 0x1001, 1);
        t.push(100, 0x1003, 2);
        s.p = p2;
        t.push(200, 0x1005, 3);
        s.p = p0;
        t.push(400, 0x1007, 4);
        s.p = saved;
        expect([t.of(p0).len, t.of(p1).len, t.of(p2).len, t.len]).toEqual([1, 2, 1, 4]);
        expect([t.peekWhen(), t.peekG()]).toEqual([100, 0x1003]);
        t.pop();
        expect([t.peekWhen(), t.peekSeq()]).toEqual([200, 3]);
        s.procresize(1); // P1 and P2 go: their timers join P0's
        expect([t.of(p0).len, t.of(p1).len, t.of(p2).len, t.len]).toEqual([3, 0, 0, 3]);
        const order: number[] = [];
        while (t.len > 0) {
          order.push(t.peekWhen());
          t.pop();
        }
        expect(order).toEqual([200, 300, 400]);
        checked = true;
      },
    });
    expect(checked).toBe(true);
    expect(r.exitCode).toBe(0);
  });
});
