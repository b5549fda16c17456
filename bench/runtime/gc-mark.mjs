// Mark throughput: MB of pointer-dense live heap marked per CPU-second (Go ≈ 1 GB/CPU-s here).
// Builds MB megabytes of live objects (4 pointer fields + a tag word: 40 B, 48 B size class),
// each field pointing at a random earlier object, all reachable; then runs full cycles and
// times the mark alone (sweep termination + drain + mark termination) in process CPU time.
//   node bench/runtime/gc-mark.mjs [MB=64] [cycles=5]
import { loadRuntime, cpuNs, nowNs } from "./gc-common.mjs";

const MB = Number(process.argv[2] ?? 64);
const CYCLES = Number(process.argv[3] ?? 5);
const rt = await loadRuntime();
const w = new rt.GCWorld({ track: false, nglobals: 16, GOGC: "off" });
const n = Math.floor((MB << 20) / 48);
const objs = new Uint32Array(n);
let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 0x7fffffff);
const t0 = nowNs();
for (let i = 0; i < n; i++) {
  const o = w.alloc(4);
  objs[i] = o;
  if (i > 0) {
    for (let k = 0; k < 3; k++) w.setField(o, k, objs[rnd() % i]);
    w.setField(o, 3, objs[i - 1]); // a list through field 3 keeps everything reachable
  }
}
w.setGlobal(0, objs[n - 1]);
const buildMs = (nowNs() - t0) / 1e6;
const gc = w.gc;
const cycles = [];
for (let c = 0; c < CYCLES; c++) {
  gc.sweeper.finishAll();
  const c0 = cpuNs();
  const w0 = nowNs();
  gc.gcStart(rt.GCTriggerKind ? 2 : 2, true);
  gc.markSliceForTest(Infinity);
  const markWall = nowNs() - w0;
  const markCpu = cpuNs() - c0;
  const s0 = cpuNs();
  gc.sweeper.finishAll();
  const sweepCpu = cpuNs() - s0;
  const marked = gc.pacer.heapMarked;
  cycles.push({
    markCpuMs: +(markCpu / 1e6).toFixed(1),
    markWallMs: +(markWall / 1e6).toFixed(1),
    sweepCpuMs: +(sweepCpu / 1e6).toFixed(1),
    markedMB: +(marked / 1048576).toFixed(1),
    MBperCPUs: Math.round(marked / 1048576 / (markCpu / 1e9)),
  });
}
const best = Math.max(...cycles.map((c) => c.MBperCPUs));
const median = cycles.map((c) => c.MBperCPUs).sort((a, b) => a - b)[Math.floor(cycles.length / 2)];
console.log(JSON.stringify({ liveMB: MB, objects: n, buildMs: Math.round(buildMs), cycles, medianMBperCPUs: median, bestMBperCPUs: best }, null, 1));
