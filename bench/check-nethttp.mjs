#!/usr/bin/env node
// Times `gort check net/http` against Go 1.19's sources (GOROOT, default /usr/lib/go-1.19):
// a cold process that loads, parses and type-checks net/http and its ~100 dependencies from
// source, no caches. Runs the built CLI (packages/cli/bin/run.js; build first with
// `bash scripts/bootstrap.sh`; GORT_CLI=path/to/run.js picks another build). Prints the
// wall-clock and CPU seconds of each run and the best (CPU time is what to compare on a shared
// machine).
//
//   node bench/check-nethttp.mjs [runs=3]
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const goroot = process.env.GOROOT || "/usr/lib/go-1.19";
if (!fs.existsSync(path.join(goroot, "src", "net", "http"))) {
  console.error(`bench: ${goroot}/src/net/http not found (set GOROOT to a Go 1.19 tree)`);
  process.exit(1);
}
const bin = path.resolve(process.env.GORT_CLI || path.join(root, "packages", "cli", "bin", "run.js"));
const runs = Number(process.argv[2] ?? "3");
const times = [];
const cpus = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  // the child reports its own CPU time on exit, so a busy machine's wall time can be read right
  const wrapper =
    `process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write("\\nbench-cpu " + (u.user + u.system) / 1e6 + "\\n"); });` +
    `process.argv = [process.argv[0], ${JSON.stringify(bin)}, "check", "net/http"];` +
    `await import(${JSON.stringify(new URL(`file://${bin}`).href)});`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", wrapper], { cwd: root, env: { ...process.env, GOROOT: goroot }, encoding: "utf8" });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuLine = /bench-cpu ([\d.]+)/.exec(r.stderr ?? "");
  const cpu = cpuLine !== null ? Number(cpuLine[1]) : NaN;
  r.stderr = (r.stderr ?? "").replace(/\n?bench-cpu [\d.]+\n/, "");
  if (r.status !== 0) {
    const out = (r.stderr || r.stdout || "").split("\n").slice(0, 5).join("\n");
    console.log(`run ${i + 1}: ${s.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, exit ${r.status} (errors reported):\n${out}`);
  } else {
    console.log(`run ${i + 1}: ${s.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU`);
  }
  times.push(s);
  cpus.push(cpu);
}
console.log(`gort check net/http: best ${Math.min(...times).toFixed(2)} s wall, ${Math.min(...cpus).toFixed(2)} s CPU, over ${runs} cold runs`);
