// Longest stop-the-world pause with a large live heap (target ≤ 1 ms, aim 500 µs).
// Builds LIVE MB of pointer-dense live objects (1 KiB objects with 120 pointer slots, 8 of them
// set to random other objects, plus a list), then runs a mutator that allocates 48-byte garbage
// and calls the collector's poll() every 256 allocations (what the scheduler does at safe
// points) until CYCLES automatic cycles have completed. Reports every STW pause (sweep
// termination and mark termination), and, separately, the longest assist and background slice
// (mutator latency that is not stop-the-world).
//   node bench/runtime/gc-pause.mjs [LIVE_MB=200] [CYCLES=4] [GOGC=25] [clock=wall|cpu]
// clock=cpu measures every collector duration with this process's CPU time (process.cpuUsage,
// µs resolution) instead of the monotonic wall clock: on a loaded machine the wall clock also
// counts time the OS ran other processes, which is not latency the collector caused.
import { loadRuntime, nowNs, cpuNs } from "./gc-common.mjs";

const LIVE = Number(process.argv[2] ?? 200);
const CYCLES = Number(process.argv[3] ?? 4);
const GOGC = process.argv[4] ?? "25";
const CLOCK = process.argv[5] ?? "wall";
const rt = await loadRuntime();
const w = new rt.GCWorld({ track: false, nglobals: 16, GOGC, capBytes: 2 ** 31, nanotime: CLOCK === "cpu" ? cpuNs : () => Number(process.hrtime.bigint()) });
const gc = w.gc;
const n = Math.floor((LIVE << 20) / 1024);
const objs = new Uint32Array(n);
let seed = 987654321;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 0x7fffffff);
const t0 = nowNs();
gc.setGCPercent(-1); // build without collecting
for (let i = 0; i < n; i++) {
  const o = w.alloc(120);
  objs[i] = o;
  if (i > 0) {
    w.setField(o, 0, objs[i - 1]);
    for (let k = 1; k < 8; k++) w.setField(o, k * 15, objs[rnd() % i]);
  }
}
w.setGlobal(0, objs[n - 1]);
gc.GC(); // establish the live heap as marked
gc.setGCPercent(GOGC === "off" ? -1 : Number(GOGC));
const buildMs = (nowNs() - t0) / 1e6;
const startCycles = gc.numgc;
const startPauses = gc.npauses;
gc.maxPauseNs = 0;
let allocs = 0;
const m0 = nowNs();
const c0 = cpuNs();
let maxPoll = 0;
while (gc.numgc < startCycles + CYCLES) {
  w.alloc(4);
  allocs++;
  if ((allocs & 255) === 0) {
    const p0 = CLOCK === "cpu" ? cpuNs() : nowNs();
    gc.poll();
    const d = (CLOCK === "cpu" ? cpuNs() : nowNs()) - p0;
    if (d > maxPoll) maxPoll = d;
  }
}
const runMs = (nowNs() - m0) / 1e6;
const runCpuMs = (cpuNs() - c0) / 1e6;
const pauses = [];
for (let i = startPauses; i < gc.npauses; i++) pauses.push(gc.pauses[i % gc.pauses.length] / 1e3);
pauses.sort((a, b) => a - b);
const ms = gc.readMemStats();
console.log(
  JSON.stringify(
    {
      liveMB: LIVE,
      clock: CLOCK,
      GOGC,
      buildMs: Math.round(buildMs),
      cycles: CYCLES,
      allocs,
      runMs: Math.round(runMs),
      runCpuMs: Math.round(runCpuMs),
      stwPausesUs: pauses.map((p) => +p.toFixed(1)),
      maxStwPauseUs: +(pauses[pauses.length - 1] ?? 0).toFixed(1),
      medianStwPauseUs: +(pauses[Math.floor(pauses.length / 2)] ?? 0).toFixed(1),
      maxAssistUs: +(gc.maxAssistNs / 1e3).toFixed(1),
      maxBackgroundSliceUs: +(gc.maxSliceNs / 1e3).toFixed(1),
      maxPollUs: +(maxPoll / 1e3).toFixed(1),
      heapAllocMB: +(ms.HeapAlloc / 1048576).toFixed(1),
      nextGCMB: +(ms.NextGC / 1048576).toFixed(1),
      gcCPUFraction: +ms.GCCPUFraction.toFixed(3),
    },
    null,
    1,
  ),
);
