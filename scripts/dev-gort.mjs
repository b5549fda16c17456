#!/usr/bin/env node
// Development runner: `node scripts/dev-gort.mjs run|check [args...]` bundles the CLI's services
// straight from the TypeScript sources with esbuild (which, when bundling, inlines the
// `const enum Op` values the interpreter switches on, so the VM runs at built speed) and runs
// them in this process. No dist/ is read or written, so it is safe while sources are mid-edit
// elsewhere; the bundle is rebuilt when any source is newer than it
// (/tmp/gort-dev/<hash of cwd>.mjs). Exit status is the command's.
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleExports, repoRoot as root } from "./srcbundle.mjs";

function newestSource(dir, best = 0) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) best = newestSource(p, best);
    else if (e.name.endsWith(".ts")) best = Math.max(best, fs.statSync(p).mtimeMs);
  }
  return best;
}
const outDir = "/tmp/gort-dev";
fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, `bundle-${Buffer.from(root).toString("hex").slice(-16)}.mjs`);
const newest = Math.max(newestSource(path.join(root, "packages/compiler/src")), newestSource(path.join(root, "packages/runtime/src")), newestSource(path.join(root, "packages/cli/src")));
if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < newest) {
  const tmp = `${out}.${process.pid}.tmp`;
  bundleExports(tmp, { runRun: ["cli", "services/run.ts"], runCheck: ["cli", "services/check.ts"], runTest: ["cli", "services/gotest.ts"] });
  fs.renameSync(tmp, out);
}
const mod = await import(pathToFileURL(out).href);
const [cmd, ...args] = process.argv.slice(2);
const io = {
  cwd: process.cwd(),
  // the bundle lives in /tmp, so the stdlib cannot be found relative to it
  env: { GORT_STDLIB: path.join(root, "packages/stdlib/go"), ...process.env },
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  // the program's output as bytes (not every Go program writes valid UTF-8)
  stdoutBytes: (b) => process.stdout.write(b),
  stderrBytes: (b) => process.stderr.write(b),
};
let code;
if (cmd === "run") code = mod.runRun(args, io);
else if (cmd === "check" && mod.runCheck !== undefined) code = mod.runCheck(args, io);
else if (cmd === "test" && mod.runTest !== undefined) code = mod.runTest(args, io);
else {
  process.stderr.write("usage: node scripts/dev-gort.mjs run|check|test [args...]\n");
  code = 2;
}
process.exitCode = await code;
