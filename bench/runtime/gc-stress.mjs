// Collector soak test: a random mutator (allocation, heap/global/stack pointer moves through the
// write barrier, deletions) running with GODEBUG=gccheckmark=1 (every cycle's concurrent mark is
// re-verified with the world stopped), automatic cycles driven by allocation and poll(), and a
// periodic runtime.GC() checked against an independent reachability oracle (exact freeing,
// tags intact) plus the memory half's heap verifier.
//   node bench/runtime/gc-stress.mjs [seconds=20] [seed=1]
import { loadRuntime } from "./gc-common.mjs";

const SECONDS = Number(process.argv[2] ?? 20);
let seed = Number(process.argv[3] ?? 1) >>> 0 || 1;
const rnd = (n) => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed % n;
};
const rt = await loadRuntime();
const { verifyHeap } = await import(new URL("testing.js", "file://" + rt.out + "/").href);
const w = new rt.GCWorld({ nglobals: 64, ngoroutines: 4, stackSlots: 16, debug: { gccheckmark: 1 } });
const gc = w.gc;
const end = Date.now() + SECONDS * 1000;
let ops = 0;
let checks = 0;
// A program can only touch objects it can reach: pick one by walking from a random root.
const anyLive = () => {
  let o = 0;
  for (let tries = 0; tries < 8 && o === 0; tries++) {
    const r = rnd(64 + 4 * 16);
    o = r < 64 ? w.global(r) : w.stackSlot(w.gs[(r - 64) >> 4], (r - 64) & 15);
  }
  for (let steps = rnd(6); o !== 0 && steps > 0; steps--) {
    const n = w.shapes.get(o);
    const next = w.field(o, rnd(n));
    if (next === 0) break;
    o = next;
  }
  return o;
};
while (Date.now() < end) {
  for (let k = 0; k < 5000; k++) {
    ops++;
    const g = w.gs[rnd(w.gs.length)];
    switch (rnd(10)) {
      case 0:
      case 1: {
        const o = rnd(50) === 0 ? w.allocPtrArray(1 + rnd(40000)) : w.alloc(1 + rnd(4), rnd(4) === 0 ? rnd(3000) : 0);
        const r = rnd(3);
        if (r === 0) w.setGlobal(rnd(64), o);
        else if (r === 1) w.setStackSlot(g, rnd(16), o);
        else {
          const d = anyLive();
          if (d !== 0) w.setField(d, rnd(w.shapes.get(d)), o);
          else w.setGlobal(rnd(64), o);
        }
        break;
      }
      case 2: {
        const s = anyLive();
        const d = anyLive();
        if (s && d) w.setField(d, rnd(w.shapes.get(d)), w.field(s, rnd(w.shapes.get(s))));
        break;
      }
      case 3: {
        const s = anyLive();
        if (s) {
          const i = rnd(w.shapes.get(s));
          w.setStackSlot(g, rnd(16), w.field(s, i));
          w.setField(s, i, 0);
        }
        break;
      }
      case 4: {
        const d = anyLive();
        const i = rnd(16);
        if (d) w.setField(d, rnd(w.shapes.get(d)), w.stackSlot(g, i));
        w.setStackSlot(g, i, 0);
        break;
      }
      case 5:
        w.setGlobal(rnd(64), 0);
        break;
      case 6:
        w.setStackSlot(g, rnd(16), w.global(rnd(64)));
        break;
      case 7:
        gc.poll();
        break;
      default:
        w.alloc(1 + rnd(3)); // garbage
    }
  }
  // Verify: a full cycle frees exactly what the oracle says is unreachable.
  const reach = w.reachable();
  const before = [...w.shapes.keys()].filter((o) => w.isAllocated(o));
  gc.GC();
  for (const o of before) {
    if (w.isAllocated(o) !== reach.has(o)) throw new Error(`object 0x${o.toString(16)}: allocated=${w.isAllocated(o)} reachable=${reach.has(o)}`);
  }
  const bad = w.corrupted(reach);
  if (bad.length > 0) throw new Error(`corrupted live objects: ${bad.slice(0, 5)}`);
  const errs = verifyHeap(w.heap, { flush: true });
  if (errs.length > 0) throw new Error(`heap verification: ${errs.slice(0, 5).join("; ")}`);
  w.forget(reach);
  checks++;
}
const ms = gc.readMemStats();
console.log(JSON.stringify({ seconds: SECONDS, ops, verifiedCycles: checks, numGC: ms.NumGC, forced: ms.NumForcedGC, heapAllocMB: +(ms.HeapAlloc / 1048576).toFixed(1), barrierSlowCalls: gc.barrier.slowCalls, ok: true }));
