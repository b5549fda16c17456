#!/usr/bin/env node
// Round-trip cost of worker-thread Ms (runtime MTHREADS.md "Fewer round trips"): goroutine-heavy
// programs at GOMAXPROCS 1 and 2 under several configurations, interleaved (rep → program →
// configuration → P) so each sees the same machine load; whole-process wall and user+sys CPU
// (/usr/bin/time), medians. Runs the CLI through scripts/dev-gort.mjs (or MF_BUNDLE=<bundle.mjs>
// to time a saved bundle, e.g. a "before" copy of /tmp/gort-dev/bundle-*.mjs).
//   node bench/mthreads/roundtrips.mjs [reps=3] ["label|ENV=V,ENV=V|Ps" ...]
// Default configurations: default (P 1,2) and adaptive (GORT_MTHREADS_ADAPTIVE=1, P 2).
// MF_PROGS=pingpong,sieve selects programs.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const [repsS, ...specs] = process.argv.slice(2);
const reps = Number(repsS ?? 3);
const configs = (specs.length > 0 ? specs : ["default||1,2", "adaptive|GORT_MTHREADS_ADAPTIVE=1|2"]).map((s) => {
  const [label, envs, ps] = s.split("|");
  return { label, ps: (ps || "1,2").split(",").map(Number), env: Object.fromEntries((envs ?? "").split(",").filter(Boolean).map((e) => e.split("="))) };
});
const B = "/work/shared/bench/progs";
const hello = path.join(fs.mkdtempSync("/tmp/roundtrips-"), "hello.go");
fs.writeFileSync(hello, "package main\n\nfunc main() { println(\"hi\") }\n");
const table = {
  pingpong: [`${B}/pingpong`, "pingpong.go", "20000"],
  spawn: [`${B}/spawn`, "spawn.go", "2"],
  mutex: [`${B}/mutex`, "mutex.go", "400000"],
  sieve: [`${B}/sieve`, "sieve.go", "300"],
  chameneos: [here, "chameneos.go", "5000"],
  cpu2: [here, "cpu2.go", "10000000"],
  hello: [path.dirname(hello), "hello.go", ""],
};
const progs = (process.env.MF_PROGS ?? Object.keys(table).join(",")).split(",");
// with MF_BUNDLE, a tiny runner imports that bundle instead of dev-gort's
let runner = path.join(root, "scripts/dev-gort.mjs");
if (process.env.MF_BUNDLE) {
  runner = path.join(path.dirname(hello), "run.mjs");
  fs.writeFileSync(runner, `const mod = await import(${JSON.stringify(pathToFileURL(path.resolve(process.env.MF_BUNDLE)).href)});
const [, ...args] = process.argv.slice(2);
const w = (s) => process.stdout.write(s), e = (s) => process.stderr.write(s);
process.exitCode = await mod.runRun(args, { cwd: process.cwd(), env: { GORT_STDLIB: ${JSON.stringify(path.join(root, "packages/stdlib/go"))}, ...process.env }, stdout: w, stderr: e, stdoutBytes: w, stderrBytes: e });
`);
}
const res = {};
for (let k = 0; k < reps; k++)
  for (const p of progs)
    for (const c of configs)
      for (const P of c.ps) {
        const [cwd, file, arg] = table[p];
        const r = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S", "node", runner, "run", file, ...(arg ? [arg] : [])], {
          cwd, encoding: "utf8", env: { ...process.env, ...c.env, GOMAXPROCS: String(P) },
        });
        const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
        const key = `${p.padEnd(10)} ${c.label.padEnd(10)} P=${P}`;
        if (r.status !== 0 || m === null) {
          console.log(key, "FAILED", r.stderr.slice(-300));
          continue;
        }
        (res[key] ??= []).push([Number(m[1]), Number(m[2]) + Number(m[3])]);
      }
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
for (const [k, v] of Object.entries(res).sort())
  console.log(`${k}  wall ${med(v.map((x) => x[0])).toFixed(2)} (${v.map((x) => x[0].toFixed(2)).join(" ")})  cpu ${med(v.map((x) => x[1])).toFixed(2)} (${v.map((x) => x[1].toFixed(2)).join(" ")})`);
