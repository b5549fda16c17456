#!/usr/bin/env node
// Runs the conformance sweeps against Go 1.19's tree and prints a table of counts.
//
//   node scripts/conformance.mjs [--write-known-failures] [std|errorcheck|runcheck ...]
//
// How: the sweeps are the vitest files in packages/compiler/test/conformance, run straight from
// the TypeScript sources (no build step). This script runs vitest on them with
// GORT_CONFORMANCE_REPORT pointing at a temporary folder where each sweep drops a JSON summary,
// then prints the table. --write-known-failures sets GORT_CONFORMANCE_WRITE=1, which makes the
// sweeps rewrite packages/compiler/test/known-failures/<sweep>.txt from this run instead of
// comparing against them. GOROOT_FOR_TESTS or GOROOT selects the tree (default
// /usr/lib/go-1.19); a missing tree is an error, never a silent skip.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const all = ["std", "errorcheck", "runcheck"];
const args = process.argv.slice(2);
const write = args.includes("--write-known-failures");
const unknown = args.filter((a) => a.startsWith("-") && a !== "--write-known-failures");
if (unknown.length > 0) {
  console.error(`usage: node scripts/conformance.mjs [--write-known-failures] [${all.join("|")} ...]`);
  process.exit(2);
}
const sweeps = args.filter((a) => !a.startsWith("-"));
for (const s of sweeps) {
  if (!all.includes(s)) {
    console.error(`conformance: unknown sweep ${s} (have ${all.join(", ")})`);
    process.exit(2);
  }
}
const chosen = sweeps.length > 0 ? sweeps : all;
const goroot = process.env.GOROOT_FOR_TESTS || process.env.GOROOT || "/usr/lib/go-1.19";
if (!fs.existsSync(path.join(goroot, "src", "runtime")) || !fs.existsSync(path.join(goroot, "test"))) {
  console.error(`conformance: Go 1.19 tree not found at ${goroot} (install golang-1.19-src golang-1.19-go or set GOROOT)`);
  process.exit(1);
}

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-conformance-"));
const files = chosen.map((s) => `packages/compiler/test/conformance/${s}.test.ts`);
const vitest = path.join(root, "node_modules", ".bin", "vitest");
const t0 = Date.now();
// A sweep that hangs (a checker bug looping on some test file) must not hang CI: give up after
// 25 minutes, well inside CI's budget; each sweep normally takes a few minutes.
const r = spawnSync(vitest, ["run", ...files], {
  cwd: root,
  stdio: "inherit",
  timeout: 25 * 60_000,
  killSignal: "SIGKILL",
  env: { ...process.env, GOROOT: goroot, GOROOT_FOR_TESTS: goroot, GORT_CONFORMANCE_REPORT: reportDir, ...(write ? { GORT_CONFORMANCE_WRITE: "1" } : {}) },
});

const rows = [];
for (const s of chosen) {
  const f = path.join(reportDir, `${s}.json`);
  if (!fs.existsSync(f)) {
    rows.push([s, "-", "-", "-", "-", "-", "-", "(no report: the sweep crashed)"]);
    continue;
  }
  const j = JSON.parse(fs.readFileSync(f, "utf8"));
  rows.push([
    s, String(j.total), String(j.passed), String(j.failed), String(j.skipped),
    String(j.newFailures.length), String(j.fixed.length),
    `${(j.durationMs / 1000).toFixed(1)} s` + (s === "errorcheck" ? `, ${j.messagesMatch} match messages too` : ""),
  ]);
}
const head = ["sweep", "total", "pass", "fail", "skipped", "new fail", "fixed", "time"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
console.log("");
console.log(line(head));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
console.log(`\nGOROOT=${goroot}  total ${((Date.now() - t0) / 1000).toFixed(1)} s${write ? "  (known-failure lists rewritten)" : ""}`);
console.log(`per-item failures: ${reportDir}/<sweep>.json`);
if (r.error !== undefined) console.error(`conformance: ${r.error.message}`);
process.exit(r.status ?? 1);
