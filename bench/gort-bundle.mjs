#!/usr/bin/env node
// Frozen gort builds for before/after comparisons while the sources keep changing (several
// people edit the compiler and VM at once, and a half-edited tree does not bundle).
//
//   node bench/gort-bundle.mjs save NAME        bundle the current sources (scripts/dev-gort.mjs)
//                                               and keep a copy as /tmp/gort-bench/NAME.mjs
//   node bench/gort-bundle.mjs NAME run ARGS…   run `gort run ARGS…` with that frozen copy
//
// With bench/run.mjs: `node bench/run.mjs --gort "node bench/gort-bundle.mjs before run" …`.
// The copy is self-contained (esbuild bundle of cli services + compiler + runtime); the
// standard library's Go sources are still read from this checkout (GORT_STDLIB).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = "/tmp/gort-bench";
const [a0, a1, ...rest] = process.argv.slice(2);
if (a0 === "save" && a1 !== undefined) {
  // dev-gort rebuilds its bundle when a source is newer; an empty run triggers that
  const r = spawnSync(process.execPath, [path.join(root, "scripts/dev-gort.mjs"), "run"], { encoding: "utf8" });
  if (/ERROR|Build failed/.test(r.stderr ?? "")) {
    process.stderr.write(r.stderr);
    process.exit(1);
  }
  const out = path.join("/tmp/gort-dev", `bundle-${Buffer.from(root).toString("hex").slice(-16)}.mjs`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(out, path.join(dir, a1 + ".mjs"));
  console.log(`saved ${path.join(dir, a1 + ".mjs")}`);
} else if (a0 !== undefined && a1 === "run") {
  const mod = await import(pathToFileURL(path.join(dir, a0 + ".mjs")).href);
  const io = {
    cwd: process.cwd(),
    env: { GORT_STDLIB: path.join(root, "packages/stdlib/go"), ...process.env },
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  };
  process.exitCode = await mod.runRun(rest, io);
} else {
  process.stderr.write("usage: node bench/gort-bundle.mjs save NAME | NAME run ARGS...\n");
  process.exit(2);
}
