#!/usr/bin/env node
// Speed-up of worker-thread Ms (runtime MTHREADS.md): bench/mthreads/cpu2.go (two CPU-bound
// goroutines) under gort with GOMAXPROCS=1 and =2, alternating, `runs` times each; the time is
// the program's own (start-up and compilation excluded). Checks stdout against Go's.
// Two controls show how much parallelism the (shared) machine offers right now and what one
// goroutine costs on each kind of M: a pure-JS loop on 1 vs 2 worker threads, and cpu2.go's
// work on ONE goroutine (argument "1 goroutine" = cpu2.go's second argument) under both.
//   node bench/mthreads/parallel.mjs [runs=3] [iterations=40000000]
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as os from "node:os";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const runs = Number(process.argv[2] ?? 3);
const iters = process.argv[3] ?? "40000000";
const GO = "/usr/lib/go-1.19/bin/go";
const bin = path.join(os.tmpdir(), `cpu2-${process.pid}`);
const b = spawnSync(GO, ["build", "-o", bin, "cpu2.go"], { cwd: here, encoding: "utf8" });
if (b.status !== 0) throw new Error(b.stderr);
const want = spawnSync(bin, [iters], { encoding: "utf8" }).stdout;
const times = { 1: [], 2: [] };
const single = { 1: [], 2: [] };
const jsCtl = { 1: [], 2: [] };
const { Worker } = await import("node:worker_threads");
const JS_LOOP = `const { parentPort } = require("node:worker_threads");
const t0 = Date.now(); let s = 1; for (let i = 0; i < 200000000; i++) s = (Math.imul(s, 1103515245) + 12345 + i) & 0x7fffffff;
parentPort.postMessage(s);`;
async function jsThreads(n) {
  const t0 = Date.now();
  await Promise.all(Array.from({ length: n }, () => new Promise((res) => new Worker(JS_LOOP, { eval: true }).once("message", res))));
  return Date.now() - t0;
}
for (let r = 0; r < runs; r++) {
  for (const n of [1, 2]) jsCtl[n].push(await jsThreads(n));
  for (const p of [1, 2]) {
    const res = spawnSync("node", [path.join(root, "scripts/dev-gort.mjs"), "run", "cpu2.go", iters, "1"], { cwd: here, encoding: "utf8", env: { ...process.env, GOMAXPROCS: String(p) } });
    single[p].push(Number(/elapsed (\d+) ms/.exec(res.stderr)?.[1]));
  }
  for (const p of [1, 2]) {
    const res = spawnSync("node", [path.join(root, "scripts/dev-gort.mjs"), "run", "cpu2.go", iters], { cwd: here, encoding: "utf8", env: { ...process.env, GOMAXPROCS: String(p) } });
    if (res.stdout !== want) throw new Error(`GOMAXPROCS=${p}: stdout ${JSON.stringify(res.stdout)} want ${JSON.stringify(want)}\n${res.stderr}`);
    const ms = Number(/elapsed (\d+) ms/.exec(res.stderr)?.[1]);
    times[p].push(ms);
    console.log(`run ${r + 1} GOMAXPROCS=${p}: ${ms} ms (load ${os.loadavg()[0].toFixed(1)})`);
  }
}
const best = (a) => Math.min(...a);
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`best: P=1 ${best(times[1])} ms, P=2 ${best(times[2])} ms, speed-up ${(best(times[1]) / best(times[2])).toFixed(2)}x`);
console.log(`median: P=1 ${med(times[1])} ms, P=2 ${med(times[2])} ms, speed-up ${(med(times[1]) / med(times[2])).toFixed(2)}x`);
console.log(`control, one goroutine (median): P=1 ${med(single[1])} ms, P=2 ${med(single[2])} ms`);
console.log(`control, pure JS loop (median): 1 thread ${med(jsCtl[1])} ms, 2 threads ${med(jsCtl[2])} ms (machine's parallel speed-up now ${((2 * med(jsCtl[1])) / med(jsCtl[2])).toFixed(2)}x)`);
