// The binary-trees allocation pattern (shared/bench/progs/binarytrees) driven against the
// collector directly — no compiler yet — with GODEBUG-style settings, printing gctrace lines in
// Go's layout to stderr. A long-lived tree is rooted in a global; short-lived trees are built
// bottom-up with their partial results held in goroutine stack slots (as compiled code would),
// checked, and dropped. The scheduler's safe-point poll() runs every 512 allocations.
//   GODEBUG=gctrace=1,gccheckmark=1 node bench/runtime/gc-binarytrees.mjs [maxDepth=16]
import { loadRuntime, nowNs } from "./gc-common.mjs";

const maxDepth = Math.max(6, Number(process.argv[2] ?? 16));
const rt = await loadRuntime();
const w = new rt.GCWorld({
  track: false,
  nglobals: 4,
  ngoroutines: 1,
  stackSlots: 64,
  GOGC: process.env.GOGC,
  GOMEMLIMIT: process.env.GOMEMLIMIT,
  debug: rt.parseGCDebug(process.env.GODEBUG),
  print: (s) => process.stderr.write(s),
});
const gc = w.gc;
const g = w.gs[0];
let allocs = 0;
// Builds a tree of the given depth; slot `sp` and above of the stack frame are scratch.
function bottomUp(depth, sp) {
  const n = w.alloc(2);
  if ((++allocs & 511) === 0) gc.poll();
  if (depth > 0) {
    w.setStackSlot(g, sp, n); // keep n live across the recursive allocations
    const l = bottomUp(depth - 1, sp + 1);
    w.setField(w.stackSlot(g, sp), 0, l);
    const r = bottomUp(depth - 1, sp + 1);
    w.setField(w.stackSlot(g, sp), 1, r);
    const res = w.stackSlot(g, sp);
    w.setStackSlot(g, sp, 0);
    return res;
  }
  return n;
}
function check(n) {
  const l = w.field(n, 0);
  return l === 0 ? 1 : 1 + check(l) + check(w.field(n, 1));
}
const t0 = nowNs();
const stretch = bottomUp(maxDepth + 1, 1);
console.log(`stretch tree of depth ${maxDepth + 1}\t check: ${check(stretch)}`);
const longLived = bottomUp(maxDepth, 1);
w.setGlobal(0, longLived);
for (let d = 4; d <= maxDepth; d += 2) {
  const iters = 1 << (maxDepth - d + 4);
  let c = 0;
  for (let i = 0; i < iters; i++) c += check(bottomUp(d, 1));
  console.log(`${iters}\t trees of depth ${d}\t check: ${c}`);
}
console.log(`long lived tree of depth ${maxDepth}\t check: ${check(w.global(0))}`);
const ms = gc.readMemStats();
console.error(`# ${((nowNs() - t0) / 1e9).toFixed(2)} s, ${allocs} allocations, NumGC ${ms.NumGC}, max STW pause ${(gc.maxPauseNs / 1e3).toFixed(0)} µs, GC CPU ${(ms.GCCPUFraction * 100).toFixed(1)} %`);
