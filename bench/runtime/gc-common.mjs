// Shared helper for the collector benchmarks: compiles packages/runtime to a temporary folder
// (never into the repo) and imports it. Usage: const rt = await loadRuntime();
import { execFileSync } from "node:child_process";
import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export async function loadRuntime() {
  const out = process.env.GORT_BENCH_OUT ?? mkdtempSync(join(tmpdir(), "gort-gc-bench-"));
  if (!existsSync(join(out, "mgctesting.js"))) {
    const tsc = join(root, "node_modules", ".bin", "tsc");
    try {
      execFileSync(tsc, ["-p", join(root, "packages/runtime"), "--outDir", out, "--declaration", "false", "--composite", "false", "--incremental", "false", "--sourceMap", "false"], { stdio: "pipe" });
    } catch (e) {
      // Type errors elsewhere still emit JavaScript; only fail if our modules are missing.
      if (!existsSync(join(out, "mgctesting.js"))) throw e;
    }
  }
  const mod = (f) => import(pathToFileURL(join(out, f)).href);
  return { ...(await mod("mgctesting.js")), ...(await mod("mgc.js")), ...(await mod("mgcpacer.js")), out };
}

export function nowNs() {
  return Number(process.hrtime.bigint());
}

export function cpuNs() {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}
