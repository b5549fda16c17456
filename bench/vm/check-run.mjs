#!/usr/bin/env node
// Fast end-to-end check for performance work: runs every packages/compiler/test/run/*.go
// program through scripts/dev-gort.mjs (built VM speed, unlike vitest) and compares stdout,
// stderr and exit status with Go's (.out/.err/.exit), normalising panic tracebacks the way
// run.test.ts does. Use it after touching the optimiser or the VM; the vitest suite stays the
// reference.
//
//   node bench/vm/check-run.mjs [name-substring…]      (GORT_OPT=0 to compare unoptimised)
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(root, "packages/compiler/test/run");
const want = process.argv.slice(2);
const progs = fs.readdirSync(dir).filter((f) => f.endsWith(".go") && (want.length === 0 || want.some((w) => f.includes(w)))).sort();
const read = (f) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "");
const shape = (s) =>
  s
    .split("\n")
    .map((l) => l.replace(/ \+0x[0-9a-f]+$/, "").replace(/^([\w.*()[\]]+?)\((?:\.\.\.|[^)]*)\)$/, "$1(…)"))
    .map((l) => l.replace(/ pc=0x[0-9a-f]+\]$/, "]"))
    .join("\n");
let fail = 0;
for (const p of progs) {
  const base = path.join(dir, p.slice(0, -3));
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, "scripts/dev-gort.mjs"), "run", p], { cwd: dir, encoding: "utf8", timeout: 120_000, env: { ...process.env, GOROOT: "" }, killSignal: "SIGKILL" });
  const ms = Date.now() - t0;
  const err = (r.stderr ?? "").split(dir).join("$DIR");
  const expErr = read(base + ".err");
  const okErr = p.startsWith("panic_") || read(base + ".exit").trim() === "2" ? shape(err) === shape(expErr) : err === expErr;
  const okOut = (r.stdout ?? "") === read(base + ".out");
  const okExit = r.status === Number(read(base + ".exit").trim() || "0");
  const ok = okErr && okOut && okExit;
  if (!ok) fail++;
  console.log(`${ok ? "ok  " : "FAIL"} ${p.padEnd(28)} ${String(ms).padStart(6)} ms${ok ? "" : `  (${[!okOut && "stdout", !okErr && "stderr", !okExit && `exit ${r.status}`].filter(Boolean).join(", ")})`}`);
  if (!ok && process.env.VERBOSE) console.log(err.slice(0, 2000));
}
console.log(`${progs.length - fail}/${progs.length} ok`);
process.exitCode = fail > 0 ? 1 : 0;
