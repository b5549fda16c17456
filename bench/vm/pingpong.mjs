#!/usr/bin/env node
// Goroutine switch cost: ping-pong over two unbuffered channels on gort's scheduler
// (packages/runtime/src/sched-programs.ts pingPong), reported as ns per handoff (2 per round
// trip), next to Go 1.19 native (go/pingpong.go, GOMAXPROCS=1 and default) and the prototype
// figures of shared/reference/vm-measurements.md §3 (~20–23 ns).
//
// Usage: node bench/vm/pingpong.mjs [runs=3] [roundTrips=1000000]
// Process CPU time on both sides (shared machine). Compiles the runtime with tsc into a temp
// dir, asserts off (GORT_DEBUG=0), collector on (as `gort run`), virtual clock not needed.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

process.env.GORT_DEBUG = "0";
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const out = mkdtempSync(join(tmpdir(), "gort-ppbench-"));
try {
  execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", join(root, "packages/runtime/tsconfig.json"), "--outDir", out,
    "--composite", "false", "--incremental", "false", "--declaration", "false", "--sourceMap", "false", "--noEmit", "false"], { stdio: "pipe" });
} catch {
  // type errors elsewhere in the package: tsc still emitted
}
writeFileSync(join(out, "package.json"), '{"type":"module"}');
const { assemble } = await import(pathToFileURL(join(out, "vm/asm.js")).href);
const { runGo } = await import(pathToFileURL(join(out, "proc.js")).href);
const { pingPong } = await import(pathToFileURL(join(out, "sched-programs.js")).href);

const runs = Number(process.argv[2] ?? 3);
const n = Number(process.argv[3] ?? 1000000);
const img = assemble(pingPong(n));
let best = Infinity;
for (let i = 0; i < runs; i++) {
  const t = process.cpuUsage();
  const r = runGo(img, {});
  const c = process.cpuUsage(t);
  if (r.exitCode !== 0 || r.vm.result(r.g, 0) !== BigInt(n)) throw new Error(`pingpong failed: exit ${r.exitCode}`);
  best = Math.min(best, (c.user + c.system) * 1000);
}
const per = best / (2 * n);
console.log(`gort   ${(best / 1e6).toFixed(0).padStart(6)} ms  ${per.toFixed(1).padStart(6)} ns/handoff  (${n} round trips, best of ${runs}; includes setup)`);

const GO = "/usr/lib/go-1.19/bin/go";
if (existsSync(GO)) {
  const bin = join(out, "go-pingpong");
  execFileSync(GO, ["build", "-o", bin, join(here, "go", "pingpong.go")], { stdio: "pipe" });
  for (const procs of ["1", ""]) {
    let gbest = Infinity;
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(bin, { encoding: "utf8", env: { ...process.env, GOMAXPROCS: procs } });
      gbest = Math.min(gbest, Number(r.stderr.trim().split(" ")[0]));
    }
    console.log(`go${procs ? " GOMAXPROCS=1" : " default     "} ${(gbest / 2e6 / n * 1e6).toFixed(1).padStart(6)} ns/handoff  ratio gort/go ${(per / (gbest / (2 * n))).toFixed(2)}`);
  }
}
