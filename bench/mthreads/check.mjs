#!/usr/bin/env node
// Runs Go programs under gort with GOMAXPROCS=2 (worker-thread Ms, runtime MTHREADS.md) and
// compares stdout, stderr and exit status with Go 1.19's (built once per program, cached in
// /tmp/mthreads-check). Usage:
//   node bench/mthreads/check.mjs [--procs N] [--godebug S] [files.go…]
// Default list: Go's test/chan `// run` programs plus a few goroutine/channel/select/mutex/GC
// programs of packages/compiler/test/run (compared with their .out/.err/.exit files).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const GO = "/usr/lib/go-1.19/bin/go";
const cache = "/tmp/mthreads-check";
fs.mkdirSync(cache, { recursive: true });
const argv = process.argv.slice(2);
let procs = "2";
let godebug = process.env.GODEBUG ?? "";
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--procs") procs = argv[++i];
  else if (argv[i] === "--godebug") godebug = argv[++i];
  else files.push(path.resolve(argv[i]));
}
if (files.length === 0) {
  const chan = "/usr/lib/go-1.19/test/chan";
  for (const f of fs.readdirSync(chan).sort()) {
    if (!f.endsWith(".go")) continue;
    const src = fs.readFileSync(path.join(chan, f), "utf8");
    if (/^\/\/ run\s*$/m.test(src.split("\n")[0])) files.push(path.join(chan, f));
  }
  const run = path.join(root, "packages/compiler/test/run");
  // (not the ones whose .out depends on GOMAXPROCS=1's interleaving: chan_closeorder,
  // sync_mutex, sync_waitgroup, sched_spin)
  for (const f of ["chan_basic.go", "chan_closepanic.go", "chan_deadlock.go", "chan_gc.go", "select_basic.go", "sync_atomic.go", "sync_map.go", "sync_pool.go", "gc_stackshrink.go", "gc_recovermsg.go", "defer_gc.go", "go_sched.go", "reflect_select.go", "reflect_recover.go", "go_time.go", "std_context_cancel.go", "exec_concurrent.go", "net_concurrent.go", "net_echo.go", "http_basic.go", "udp_basic.go"]) {
    if (fs.existsSync(path.join(run, f))) files.push(path.join(run, f));
  }
  files.push(path.join(root, "bench/mthreads/spin.go")); // for {} goroutines, main still exits
}

/** Go's expected result: the .out/.err/.exit files next to the program, else a Go build's. */
function expected(file) {
  const base = file.slice(0, -3);
  if (fs.existsSync(base + ".out") || fs.existsSync(base + ".err")) {
    const rd = (e) => (fs.existsSync(base + e) ? fs.readFileSync(base + e, "utf8") : "");
    return { stdout: rd(".out"), stderr: rd(".err"), status: fs.existsSync(base + ".exit") ? Number(rd(".exit").trim()) : 0 };
  }
  const key = path.join(cache, file.replace(/[^A-Za-z0-9]/g, "_"));
  const out = `${key}.p${procs}.json`;
  if (!fs.existsSync(out)) {
    const b = spawnSync(GO, ["build", "-o", key + ".bin", file], { encoding: "utf8" });
    if (b.status !== 0) throw new Error(`go build ${file}: ${b.stderr}`);
    const r = spawnSync(key + ".bin", [], { encoding: "utf8", env: { ...process.env, GOMAXPROCS: procs } });
    fs.writeFileSync(out, JSON.stringify({ stdout: r.stdout, stderr: r.stderr, status: r.status }));
  }
  return JSON.parse(fs.readFileSync(out, "utf8"));
}

let pass = 0;
const fails = [];
for (const f of files) {
  const want = expected(f);
  const t0 = Date.now();
  const env = { ...process.env, GOMAXPROCS: procs };
  if (godebug !== "") env.GODEBUG = godebug;
  const got = spawnSync("node", [path.join(root, "scripts/dev-gort.mjs"), "run", path.basename(f)], { cwd: path.dirname(f), encoding: "utf8", env, timeout: 300_000 });
  const ms = Date.now() - t0;
  // tracebacks as the test harness compares them: $DIR for the folder, no pc offsets or argument words
  const norm = (t) => t.split(path.dirname(f)).join("$DIR").replace(/ \+0x[0-9a-f]+$/gm, "").replace(/ pc=0x[0-9a-f]+/g, " pc=…").replace(/^(\S+)\(.*\)$/gm, "$1(…)");
  got.stderr = norm(got.stderr);
  want.stderr = norm(want.stderr);
  const ok = got.stdout === want.stdout && got.stderr === want.stderr && got.status === want.status;
  console.log(`${ok ? "ok  " : "FAIL"} ${path.basename(f)} ${ms} ms${ok ? "" : ` (status ${got.status} want ${want.status})`}`);
  if (ok) pass++;
  else {
    fails.push(f);
    if (got.stdout !== want.stdout) console.log(`  stdout: ${JSON.stringify(got.stdout.slice(0, 300))}\n  want:   ${JSON.stringify(want.stdout.slice(0, 300))}`);
    if (got.stderr !== want.stderr) console.log(`  stderr: ${JSON.stringify(got.stderr.slice(0, 600))}\n  want:   ${JSON.stringify(want.stderr.slice(0, 300))}`);
  }
}
console.log(`${pass}/${files.length} passed with GOMAXPROCS=${procs}${godebug ? ` GODEBUG=${godebug}` : ""}`);
process.exitCode = fails.length === 0 ? 0 : 1;
