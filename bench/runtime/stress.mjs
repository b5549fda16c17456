#!/usr/bin/env node
// Allocate/free stress runner for gort's allocator (STYLE.md §6): random object sizes (tiny,
// small, large; scan and noscan), random survivors, eager and lazy sweeps, scavenging and
// goroutine stacks, with the full heap verifier and a content check of every live object after
// every collection. Runs for a fixed time with a seeded RNG; prints the seed on failure.
//
// Usage: node bench/runtime/stress.mjs [seconds=20] [seed]
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const out = mkdtempSync(join(tmpdir(), "gort-stress-"));
try {
  execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", join(root, "packages/runtime/tsconfig.json"), "--outDir", out,
    "--composite", "false", "--incremental", "false", "--declaration", "false", "--sourceMap", "false", "--noEmit", "false"], { stdio: "pipe" });
} catch {
  // type errors elsewhere in the package: tsc still emitted
}
writeFileSync(join(out, "package.json"), '{"type":"module"}');
const { Heap } = await import(pathToFileURL(join(out, "malloc.js")).href); // DEBUG asserts on
const T = await import(pathToFileURL(join(out, "testing.js")).href);
const { ST_OTHER_SYS } = await import(pathToFileURL(join(out, "mstats.js")).href);

const seconds = Number(process.argv[2] ?? 20);
let seed = Number(process.argv[3] ?? Date.now() % 1e9);
const seed0 = seed;
const rnd = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];

const heap = new Heap({ capBytes: 1 << 30, nprocs: 2 });
const types = [0, heap.types.make(16, [1]), heap.types.make(64, [0, 5, 7]), heap.types.make(8, [0])];
let live = [];
const stacks = [];
const end = Date.now() + seconds * 1000;
let cycles = 0;
let allocs = 0;
try {
  while (Date.now() < end) {
    heap.setP(Math.floor(rnd() * 2));
    const n = 1 + Math.floor(rnd() * 2000);
    for (let i = 0; i < n; i++) {
      const kind = rnd();
      const size = kind < 0.4 ? 1 + Math.floor(rnd() * 15) : kind < 0.9 ? 16 + Math.floor(rnd() * 2000) : kind < 0.99 ? 2000 + Math.floor(rnd() * 30000) : 32769 + Math.floor(rnd() * 3e6);
      let typ = pick(types);
      let sz = size;
      if (typ !== 0) {
        const ts = heap.mem.u32[typ >>> 2];
        sz = Math.max(ts, Math.floor(size / ts) * ts);
      }
      const x = heap.mallocgc(sz, typ, true);
      const u8 = heap.mem.u8;
      const m = Math.min(sz, 32);
      for (let j = 0; j < m; j++) if (u8[x + j] !== 0) throw new Error(`not zeroed at ${x}+${j}`);
      const tag = (allocs++ % 250) + 1;
      u8.fill(tag, x, x + m);
      live.push([x, m, tag]);
    }
    if (rnd() < 0.3) {
      const g = heap.mheap.persistentAlloc(16, 8, ST_OTHER_SYS);
      heap.stacks.initStack(g);
      for (let d = 0, depth = Math.floor(rnd() * 300); d < depth; d++) heap.stacks.pushFrame(g, 1, 0, 16 + 8 * Math.floor(rnd() * 40));
      stacks.push(g);
      if (stacks.length > 20) heap.stacks.freeStack(stacks.shift());
    }
    const keep = rnd();
    live = live.filter(() => rnd() < keep);
    T.collectForTest(heap, live.map((o) => o[0]), rnd() < 0.5);
    if (rnd() < 0.2) heap.mheap.scavenge(Math.floor(rnd() * 64) << 20);
    for (const [x, m, tag] of live) for (let j = 0; j < m; j++) if (heap.mem.u8[x + j] !== tag) throw new Error(`live object ${x} corrupted`);
    const errs = T.verifyHeap(heap, { flush: rnd() < 0.5 });
    if (errs.length) throw new Error(errs.slice(0, 10).join("\n"));
    cycles++;
  }
  const ms = heap.readMemStats();
  console.log(`ok: seed ${seed0}, ${cycles} cycles, ${allocs} allocations, live ${live.length}, HeapAlloc ${ms.HeapAlloc}, Sys ${ms.Sys}`);
} catch (e) {
  console.error(`FAILED with seed ${seed0} after ${cycles} cycles: ${e.stack}`);
  process.exit(1);
}
