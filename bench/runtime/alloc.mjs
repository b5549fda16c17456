#!/usr/bin/env node
// Allocation throughput of gort's allocator (packages/runtime): ns per mallocgc and M allocs/s
// for 16 B, 64 B and 1 KiB objects, pointer-free (noscan) and pointer-bearing (scan).
//
// Usage: node bench/runtime/alloc.mjs [--quick]
//
// The runtime's TypeScript is compiled to a temp dir with the repo's tsc (no build outputs in
// the tree), with internal asserts off (GORT_DEBUG=0, as a release build). Every 16 MiB of
// allocation the heap is "collected" with nothing live (testing.ts collectForTest: flush the
// mcaches, bump sweepgen, sweep every span) so memory is recycled the way it will be under the
// GC; the timed figure covers only the mallocgc calls, the sweep time is reported separately.
// Times are process CPU time (user+sys), which the other processes of a shared machine disturb
// far less than wall-clock time; wall-clock figures are printed alongside.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

process.env.GORT_DEBUG = "0";
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const out = mkdtempSync(join(tmpdir(), "gort-bench-"));
try {
  execFileSync(
    join(root, "node_modules/.bin/tsc"),
    ["-p", join(root, "packages/runtime/tsconfig.json"), "--outDir", out, "--composite", "false", "--incremental", "false",
     "--declaration", "false", "--sourceMap", "false", "--noEmit", "false"],
    { stdio: "pipe" },
  );
} catch {
  // tsc exits non-zero if any file in the package has a type error, but still emits: go on.
}
writeFileSync(join(out, "package.json"), '{"type":"module"}');
const { Heap } = await import(pathToFileURL(join(out, "malloc.js")).href);
const { collectForTest } = await import(pathToFileURL(join(out, "testing.js")).href);

const quick = process.argv.includes("--quick");
const TOTAL = quick ? 2_000_000 : 10_000_000;
const RECYCLE_BYTES = 16 << 20;

function run(size, scan) {
  const heap = new Heap({ capBytes: 512 << 20 });
  const typ = scan ? heap.types.make(size, [0]) : 0;
  const batch = Math.max(1, Math.floor(RECYCLE_BYTES / size));
  // Warm-up (lets V8 optimise mallocgc).
  for (let i = 0; i < 200_000; i++) heap.mallocgc(size, typ, true);
  collectForTest(heap, []);
  let allocNs = 0; // CPU time (robust on a shared machine)
  let wallNs = 0;
  let sweepNs = 0;
  let done = 0;
  let sink = 0;
  while (done < TOTAL) {
    const n = Math.min(batch, TOTAL - done);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink ^= heap.mallocgc(size, typ, true);
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    collectForTest(heap, []);
    const c2 = process.cpuUsage();
    allocNs += (c1.user + c1.system) * 1000;
    wallNs += Number(t1 - t0);
    const cs = { user: c2.user - c0.user - c1.user, system: c2.system - c0.system - c1.system };
    sweepNs += (cs.user + cs.system) * 1000;
    done += n;
  }
  if (sink === 0.5) console.log(sink);
  return { nsPerAlloc: allocNs / TOTAL, wallNsPerAlloc: wallNs / TOTAL, sweepNsPerAlloc: sweepNs / TOTAL };
}

console.log(`node ${process.version}, ${TOTAL.toLocaleString()} allocations per row`);
console.log("CPU time of the mallocgc calls (process.cpuUsage; wall clock in brackets), median of 3 runs");
console.log("size    kind    ns/alloc  M allocs/s  [wall ns]  (+ sweep ns/alloc)");
for (const size of [16, 64, 1024]) {
  for (const scan of [false, true]) {
    const best = [run(size, scan), run(size, scan), run(size, scan)].sort((a, b) => a.nsPerAlloc - b.nsPerAlloc)[1];
    console.log(
      `${String(size).padStart(4)} B  ${scan ? "scan  " : "noscan"}  ${best.nsPerAlloc.toFixed(1).padStart(8)}  ${(1000 / best.nsPerAlloc).toFixed(1).padStart(10)}  [${best.wallNsPerAlloc.toFixed(1).padStart(7)}]  (+${best.sweepNsPerAlloc.toFixed(1)})`,
    );
  }
}
