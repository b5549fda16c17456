#!/usr/bin/env node
// gort VM benchmarks (on demand, not unit tests): fib(32) recursive, an int loop
// `s += i*i % m` (50 M iterations), and an nbody-like float loop over heap structs (5 bodies ×
// 1 M steps). Reports ns/op (per call, per iteration, per body-step) and the ratio to Go 1.19
// native (go/<name>.go built with /usr/lib/go-1.19/bin/go build), plus checksums from both.
//
// Usage: node bench/vm/bench.mjs [runs=3] [names…]
// Times are process CPU time (user+system) on both sides: the machine is shared.
// Compiles the runtime with the repo's tsc into a temp dir, asserts off (GORT_DEBUG=0).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FIB, LOOP, NBODY } from "./programs.mjs";

process.env.GORT_DEBUG = "0";
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const out = mkdtempSync(join(tmpdir(), "gort-vmbench-"));
try {
  execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", join(root, "packages/runtime/tsconfig.json"), "--outDir", out,
    "--composite", "false", "--incremental", "false", "--declaration", "false", "--sourceMap", "false", "--noEmit", "false"], { stdio: "pipe" });
} catch {
  // type errors elsewhere in the package: tsc still emitted
}
writeFileSync(join(out, "package.json"), '{"type":"module"}');
const { assemble, funcIndex } = await import(pathToFileURL(join(out, "vm/asm.js")).href);
const { runProgram } = await import(pathToFileURL(join(out, "vm/run.js")).href);

const runs = Number(process.argv[2] ?? 3);
const only = process.argv.slice(3);
const GO = "/usr/lib/go-1.19/bin/go";

function goTime(name) {
  if (!existsSync(GO)) return null;
  const bin = join(out, "go-" + name);
  execFileSync(GO, ["build", "-o", bin, join(here, "go", name + ".go")], { stdio: "pipe" });
  let best = Infinity;
  let sum = "";
  for (let i = 0; i < runs; i++) {
    const r = execFileSync(bin, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    sum = r.trim();
  }
  // Timing printed on stderr by the program itself ("N ns"): rerun capturing it.
  for (let i = 0; i < runs; i++) {
    const r = execFileSync("sh", ["-c", `${bin} 2>&1 1>/tmp/gort-vmbench-stdout`], { encoding: "utf8" });
    best = Math.min(best, Number(r.trim().split(" ")[0]));
  }
  return { ns: best, sum };
}

const benches = [
  { name: "fib", src: FIB, entry: "main.fib", args: [32n], ops: 7049155, unit: "call", check: (r) => r.vm.result(r.g, 0).toString() },
  { name: "loop", src: LOOP, entry: "main.loop", args: [50000000n, 7919n], ops: 50e6, unit: "iter", check: (r) => r.vm.result(r.g, 0).toString() },
  { name: "nbody", src: NBODY, entry: "main.main", args: [], ops: 5e6, unit: "body-step", check: (r) => new Float64Array(new BigInt64Array([r.vm.result(r.g, 0)]).buffer)[0].toFixed(9) },
];

for (const b of benches) {
  if (only.length > 0 && !only.includes(b.name)) continue;
  const img = assemble(b.src);
  let best = Infinity;
  let sum = "";
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    const r = runProgram(img, { entry: funcIndex(img, b.entry), args: b.args });
    const c = process.cpuUsage(t);
    const ns = (c.user + c.system) * 1000;
    if (r.exitCode !== 0) throw new Error(`${b.name}: exit ${r.exitCode}`);
    sum = b.check(r);
    best = Math.min(best, ns);
  }
  const go = goTime(b.name);
  const ratio = go ? (best / go.ns).toFixed(1) + "×" : "n/a";
  console.log(
    `${b.name.padEnd(6)} gort ${(best / 1e6).toFixed(0).padStart(6)} ms  ${(best / b.ops).toFixed(2).padStart(7)} ns/${b.unit}` +
      `  go ${go ? (go.ns / 1e6).toFixed(0).padStart(5) + " ms" : "n/a"}  ratio ${ratio}  checksum gort=${sum} go=${go?.sum ?? "?"}`,
  );
}
