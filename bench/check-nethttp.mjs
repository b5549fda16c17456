#!/usr/bin/env node
// Times `gort check net/http` against Go 1.19's sources (GOROOT, default /usr/lib/go-1.19):
// a cold process that loads, parses and type-checks net/http and its ~100 dependencies from
// source, no caches. Runs the built CLI (packages/cli/bin/run.js; build first with
// `bash scripts/bootstrap.sh`). Prints the wall-clock seconds of each run and the best.
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
const bin = path.join(root, "packages", "cli", "bin", "run.js");
const runs = Number(process.argv[2] ?? "3");
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, "check", "net/http"], { cwd: root, env: { ...process.env, GOROOT: goroot }, encoding: "utf8" });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    const out = (r.stderr || r.stdout || "").split("\n").slice(0, 5).join("\n");
    console.log(`run ${i + 1}: ${s.toFixed(2)} s, exit ${r.status} (errors reported):\n${out}`);
  } else {
    console.log(`run ${i + 1}: ${s.toFixed(2)} s`);
  }
  times.push(s);
}
console.log(`gort check net/http: best ${Math.min(...times).toFixed(2)} s over ${runs} cold runs`);
