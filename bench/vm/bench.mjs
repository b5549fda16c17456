#!/usr/bin/env node
// gort VM benchmarks (on demand, not unit tests): fib(32) recursive, an int loop
// `s += i*i % m` (50 M iterations), and an nbody-like float loop over heap structs (5 bodies ×
// 1 M steps). Reports ns/op (per call, per iteration, per body-step) and the ratio to Go 1.19
// native (go/<name>.go built with /usr/lib/go-1.19/bin/go build), plus checksums from both.
//
// Usage: node bench/vm/bench.mjs [runs=3] [names…]
// Times are process CPU time (user+system) on both sides: the machine is shared.
// Compiles the runtime with the repo's tsc into a temp dir, asserts off (GORT_DEBUG=0).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FIB, LOOP, NBODY } from "./programs.mjs";

process.env.GORT_DEBUG = "0";
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
// Children (one per benchmark) reuse the parent's build through GORT_VMBENCH_OUT.
const out = process.env.GORT_VMBENCH_OUT ?? mkdtempSync(join(tmpdir(), "gort-vmbench-"));
if (process.env.GORT_VMBENCH_OUT === undefined) try {
  execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", join(root, "packages/runtime/tsconfig.json"), "--outDir", out,
    "--composite", "false", "--incremental", "false", "--declaration", "false", "--sourceMap", "false", "--noEmit", "false"], { stdio: "pipe" });
} catch {
  // type errors elsewhere in the package: tsc still emitted
}
writeFileSync(join(out, "package.json"), '{"type":"module"}');
const { assemble, funcIndex } = await import(pathToFileURL(join(out, "vm/asm.js")).href);
const { LoadedImage } = await import(pathToFileURL(join(out, "vm/loader.js")).href);
const { VM, RUN_EXIT } = await import(pathToFileURL(join(out, "vm/interp.js")).href);
const { Heap } = await import(pathToFileURL(join(out, "malloc.js")).href);

const runs = Number(process.argv[2] ?? 3);
const only = process.argv.slice(3);
const GO = "/usr/lib/go-1.19/bin/go";

function goTime(name) {
  if (!existsSync(GO)) return null;
  const bin = join(out, "go-" + name);
  execFileSync(GO, ["build", "-o", bin, join(here, "go", name + ".go")], { stdio: "pipe" });
  let best = Infinity;
  let sum = "";
  // Each Go program prints its checksum on stdout and its CPU time ("N ns") on stderr.
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(bin, { encoding: "utf8" });
    sum = r.stdout.trim();
    best = Math.min(best, Number(r.stderr.trim().split(" ")[0]));
  }
  return { ns: best, sum };
}

const benches = [
  { name: "fib", src: FIB, entry: "main.fib", args: [32n], ops: 7049155, unit: "call", check: (vm, g) => vm.result(g, 0).toString() },
  { name: "loop", src: LOOP, entry: "main.loop", args: [50000000n, 7919n], ops: 50e6, unit: "iter", check: (vm, g) => vm.result(g, 0).toString() },
  { name: "nbody", src: NBODY, entry: "main.main", args: [], ops: 5e6, unit: "body-step", check: (vm, g) => new Float64Array(new BigInt64Array([vm.result(g, 0)]).buffer)[0].toFixed(9) },
];

if (process.argv[2] === "--child") {
  // One benchmark per process and one VM for all its runs: the interpreter loop is a closure
  // per VM, and V8 specialises it only while a single closure exists (interp.ts makeRunLoop).
  const b = benches.find((x) => x.name === process.argv[3]);
  const n = Number(process.argv[4]);
  const img = assemble(b.src);
  const heap = new Heap();
  const vm = new VM(heap, new LoadedImage(heap, img), {});
  let best = Infinity;
  let sum = "";
  for (let i = 0; i < n; i++) {
    const g = vm.newG();
    vm.start(g, funcIndex(img, b.entry), b.args);
    const t = process.cpuUsage();
    const r = vm.runToEnd(g);
    const c = process.cpuUsage(t);
    if (r !== RUN_EXIT) throw new Error(`${b.name}: status ${r}`);
    sum = b.check(vm, g);
    heap.stacks.freeStack(g);
    best = Math.min(best, (c.user + c.system) * 1000);
  }
  console.log(JSON.stringify({ best, sum }));
  process.exit(0);
}

for (const b of benches) {
  if (only.length > 0 && !only.includes(b.name)) continue;
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", b.name, String(runs)], {
    encoding: "utf8",
    env: { ...process.env, GORT_VMBENCH_OUT: out },
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const { best, sum } = JSON.parse(child.stdout.trim().split("\n").pop());
  const go = goTime(b.name);
  const ratio = go ? (best / go.ns).toFixed(1) + "×" : "n/a";
  console.log(
    `${b.name.padEnd(6)} gort ${(best / 1e6).toFixed(0).padStart(6)} ms  ${(best / b.ops).toFixed(2).padStart(7)} ns/${b.unit}` +
      `  go ${go ? (go.ns / 1e6).toFixed(0).padStart(5) + " ms" : "n/a"}  ratio ${ratio}  checksum gort=${sum} go=${go?.sum ?? "?"}`,
  );
}
