// Write barrier cost: ns per pointer store through Collector.barrier.writePointer, with the
// barrier off (the one-flag fast path) and on (during marking; shading old and new values that
// are already marked, the common case), versus a raw typed-array store. CPU time.
//   node bench/runtime/gc-barrier.mjs [stores=20000000]
import { loadRuntime, cpuNs } from "./gc-common.mjs";

const N = Number(process.argv[2] ?? 20_000_000);
const rt = await loadRuntime();
const w = new rt.GCWorld({ track: false, nglobals: 16, GOGC: "off" });
const objs = [];
for (let i = 0; i < 1024; i++) objs.push(w.alloc(4));
for (let i = 0; i < 16; i++) w.setGlobal(i, objs[i]);
for (let i = 16; i < 1024; i++) w.setField(objs[i - 1], 3, objs[i]);
const slots = new Uint32Array(1024);
const vals = new Uint32Array(1024);
for (let i = 0; i < 1024; i++) {
  slots[i] = objs[i] + 8 * (i & 3);
  vals[i] = objs[(i * 7) & 1023];
}
const barrier = w.gc.barrier;
const mem = w.heap.mem;
function raw(n) {
  const u32 = mem.u32;
  for (let i = 0; i < n; i++) {
    const s = slots[i & 1023];
    u32[s >>> 2] = vals[(i + 1) & 1023];
    u32[(s >>> 2) + 1] = 0;
  }
}
function viaBarrier(n) {
  for (let i = 0; i < n; i++) barrier.writePointer(slots[i & 1023], vals[(i + 1) & 1023]);
}
function time(f) {
  f(N / 10); // warm up
  const c0 = cpuNs();
  f(N);
  return (cpuNs() - c0) / N;
}
const rawNs = time(raw);
const offNs = time(viaBarrier);
w.gc.gcStart(2, true);
w.gc.markSliceForTest(Infinity); // everything marked; keep the barrier on below
w.gc.gcStart(2, true);
while (!w.gc.marker.markDone()) w.gc.marker.drain(1 << 30);
const onNs = time(viaBarrier);
console.log(JSON.stringify({ stores: N, rawNsPerStore: +rawNs.toFixed(2), barrierOffNsPerStore: +offNs.toFixed(2), barrierOnNsPerStore: +onNs.toFixed(2) }));
