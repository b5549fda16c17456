#!/usr/bin/env node
// gort vs Go vs yaegi on the benchmark programs of /work/shared/bench/progs (README there).
// On demand only, never in CI: it takes minutes and the figures depend on the machine's load.
//
//   node bench/run.mjs [options] [program...]
//
// For each program: `go build` once (binary in a temp dir) and time the binary, time
// `yaegi run prog.go N`, time `gort run prog.go N` (all three run from the program's own
// directory), compare each last `checksum …` line with Go's, and print wall-clock medians and
// the ratios gort/go, gort/yaegi, yaegi/go with geometric means over the rows that have both
// sides. A program gort cannot compile is reported as "not supported: <first diagnostic>";
// a wrong checksum, a crash or a timeout is reported as such (never hidden, never averaged).
//
// Options:
//   --runs N          runs per tool and program, median reported (default 3)
//   --size yaegi|default|N
//                     problem size: the README's "size used vs yaegi" column (default), the
//                     programs' own default, or one number for every program
//   --timeout S       seconds per single run before it is killed and reported (default 300)
//   --gort dev|built|CMD
//                     how to run gort: `node scripts/dev-gort.mjs run` (default: esbuild
//                     bundle of the sources, built speed, no build needed), `./gort run` (the
//                     built CLI), or any command line that takes `prog.go N`
//   --no-go, --no-yaegi, --no-gort
//                     skip a tool (a skipped Go also skips the checksum comparison)
//   --progs a,b       same as listing the programs as arguments
//   --json FILE       also write the raw results as JSON
//   --go-repeat R     run the Go binary R times per measurement and divide (Go finishes the
//                     small kernels in a few ms, below the clock's resolution); default 1
//   --cpu             report user+system CPU seconds (via /usr/bin/time) instead of wall time:
//                     steadier on a shared, loaded machine (note Go's and yaegi's GC threads
//                     count too)
//   --dir DIR         programs from DIR instead (DIR/name.go or DIR/name/name.go); programs
//                     without a size in the table below get no size argument. Used for the
//                     import-free kernels: `node bench/run.mjs --dir bench/vm/kernels`
//
// Environment: GO (default /usr/lib/go-1.19/bin/go), YAEGI (default yaegi on PATH; install
// with `apt-get install -y yaegi`), BENCH_PROGS (default /work/shared/bench/progs).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const defaultDir = process.env.BENCH_PROGS ?? "/work/shared/bench/progs";
let progsDir = defaultDir;
const GO = process.env.GO ?? "/usr/lib/go-1.19/bin/go";
const YAEGI = process.env.YAEGI ?? "yaegi";

/** Sizes from the README table: [default size, size used vs yaegi]. */
const SIZES = {
  binarytrees: [16, 15],
  fannkuch: [10, 10],
  spectralnorm: [3500, 1000],
  nbody: [10000000, 2000000],
  mandelbrot: [4000, 2000],
  knucleotide: [1000000, 1000000],
  pingpong: [2000000, 2000000],
  sieve: [3000, 3000],
  spawn: [10, 10],
  mutex: [20000000, 10000000],
  strfmt: [300000, 300000],
  sortbench: [1000000, 1000000],
  dispatch: [500000, 100000],
};

function usage(msg) {
  if (msg) process.stderr.write(`bench/run.mjs: ${msg}\n`);
  process.stderr.write(
    "usage: node bench/run.mjs [--runs N] [--size yaegi|default|N] [--timeout S] [--gort dev|built|CMD]\n" +
      "                          [--no-go] [--no-yaegi] [--no-gort] [--json FILE] [program...]\n",
  );
  process.exit(2);
}

const opt = { goRepeat: 1, cpu: false, runs: 3, size: "yaegi", timeout: 300, gort: "dev", go: true, yaegi: true, gortOn: true, json: "", progs: [] };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--runs") opt.runs = Number(val());
    else if (a === "--size") opt.size = val();
    else if (a === "--timeout") opt.timeout = Number(val());
    else if (a === "--gort") opt.gort = val();
    else if (a === "--no-go") opt.go = false;
    else if (a === "--no-yaegi") opt.yaegi = false;
    else if (a === "--no-gort") opt.gortOn = false;
    else if (a === "--json") opt.json = val();
    else if (a === "--cpu") opt.cpu = true;
    else if (a === "--go-repeat") opt.goRepeat = Number(val());
    else if (a === "--dir") progsDir = path.resolve(val());
    else if (a === "--progs") opt.progs.push(...val().split(",").filter(Boolean));
    else if (a === "-h" || a === "--help") usage();
    else if (a.startsWith("-")) usage(`unknown option ${a}`);
    else opt.progs.push(a);
  }
  if (!(opt.runs >= 1)) usage("--runs must be ≥ 1");
  if (!(opt.timeout > 0)) usage("--timeout must be > 0");
  if (!["yaegi", "default"].includes(opt.size) && !(Number(opt.size) > 0)) usage("--size must be yaegi, default or a number");
}

/** name → [directory to run in, file name] */
const found = new Map();
if (fs.existsSync(progsDir))
  for (const e of fs.readdirSync(progsDir, { withFileTypes: true })) {
    if (e.isDirectory() && fs.existsSync(path.join(progsDir, e.name, e.name + ".go"))) found.set(e.name, [path.join(progsDir, e.name), e.name + ".go"]);
    else if (e.isFile() && e.name.endsWith(".go") && !e.name.endsWith("_test.go")) found.set(e.name.slice(0, -3), [progsDir, e.name]);
  }
const all = [...found.keys()].sort();
if (all.length === 0) usage(`no programs under ${progsDir}`);
const progs = opt.progs.length > 0 ? opt.progs : all;
for (const p of progs) if (!all.includes(p)) usage(`unknown program ${p} (have: ${all.join(" ")})`);

function sizeOf(p) {
  if (!(p in SIZES) || progsDir !== defaultDir) return opt.size === "yaegi" || opt.size === "default" ? undefined : Number(opt.size);
  if (opt.size === "yaegi") return SIZES[p][1];
  if (opt.size === "default") return SIZES[p][0];
  return Number(opt.size);
}

/** The gort command line (argv array before `prog.go N`). */
function gortCmd() {
  if (opt.gort === "dev") return [process.execPath, path.join(root, "scripts/dev-gort.mjs"), "run"];
  if (opt.gort === "built") return [path.join(root, "gort"), "run"];
  // programs run in their own directory: make relative script paths absolute
  return opt.gort.split(/\s+/).filter(Boolean).map((w) => (/\.m?js$/.test(w) && fs.existsSync(w) ? path.resolve(w) : w));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gort-bench-"));

/** One timed run: { ms, status, stdout, stderr, timedOut }. */
function timed(cmd, args, cwd) {
  const tfile = path.join(tmp, "time.txt");
  if (opt.cpu) {
    args = ["-f", "%U %S", "-o", tfile, cmd, ...args];
    cmd = "/usr/bin/time";
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    timeout: opt.timeout * 1000,
    killSignal: "SIGKILL",
    maxBuffer: 256 << 20,
  });
  let ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (opt.cpu && fs.existsSync(tfile)) {
    const [u, sy] = fs.readFileSync(tfile, "utf8").trim().split("\n").pop().split(" ").map(Number);
    ms = (u + sy) * 1000;
    fs.rmSync(tfile);
  }
  const timedOut = r.error !== undefined && r.error.code === "ETIMEDOUT";
  if (r.error !== undefined && !timedOut) return { ms, status: -1, stdout: "", stderr: String(r.error.message), timedOut: false };
  return { ms, status: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "", timedOut };
}

function checksum(out) {
  const lines = out.split("\n").filter((l) => l.startsWith("checksum "));
  return lines.length > 0 ? lines[lines.length - 1].trim() : null;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The first diagnostic-looking line of gort's stderr (compile errors are `file:L:C: msg`). */
function firstDiagnostic(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  const diag = lines.find((l) => /^[^\s:]+\.go:\d+:\d+: /.test(l)) ?? lines[0] ?? "(no message)";
  return diag.length > 160 ? diag.slice(0, 157) + "..." : diag;
}

/**
 * Times one tool on one program. Returns { ms (median) | null, sum, note } where note explains
 * a failure: "not supported: …", "timeout", "exit N: …", "checksum differs: …".
 */
function measure(tool, cmd, args, cwd, want) {
  const times = [];
  let sum = null;
  const rep = tool === "go" ? Math.max(1, Math.floor(opt.goRepeat)) : 1;
  if (rep > 1) {
    // R−1 silent runs (output to a temp file), then the measured program's own output
    const sink = path.join(tmp, "sink.txt");
    args = ["-c", `i=1; while [ $i -lt ${rep} ]; do "$0" "$@" >${JSON.stringify(sink)} 2>&1 || exit 1; i=$((i+1)); done; exec "$0" "$@"`, cmd, ...args];
    cmd = "/bin/sh";
  }
  for (let i = 0; i < opt.runs; i++) {
    const r = timed(cmd, args, cwd);
    r.ms /= rep;
    if (r.timedOut) return { ms: null, sum, note: `timeout (> ${opt.timeout} s)` };
    if (r.status !== 0) {
      // gort exits 1 only when the program does not compile (run-time panics exit 2)
      if (tool === "gort" && r.status === 1 && checksum(r.stdout) === null)
        return { ms: null, sum, note: `not supported: ${firstDiagnostic(r.stderr)}` };
      return { ms: null, sum, note: `exit ${r.status}: ${firstDiagnostic(r.stderr)}` };
    }
    sum = checksum(r.stdout) ?? checksum(r.stderr); // kernels print with println (stderr)
    if (sum === null) return { ms: null, sum, note: "no checksum line in the output" };
    if (want !== null && sum !== want) return { ms: null, sum, note: `checksum differs: "${sum}" (go: "${want}")` };
    times.push(r.ms);
  }
  return { ms: median(times), sum, note: "" };
}

function fmtS(m) {
  if (m === null || m === undefined) return "—";
  if (m.ms === null) return "✗";
  return (m.ms / 1000).toFixed(m.ms < 10000 ? 3 : 1);
}
function ratio(a, b) {
  if (!a || !b || a.ms === null || b.ms === null) return null;
  return a.ms / b.ms;
}
const fmtR = (r) => (r === null ? "—" : r >= 100 ? r.toFixed(0) + "×" : r.toFixed(r >= 10 ? 1 : 2) + "×");

function printRow(r) {
  if (!headerDone) {
    const g = opt.gort === "dev" ? "dev-gort" : opt.gort === "built" ? "./gort" : opt.gort;
    console.log(`runs=${opt.runs} (median ${opt.cpu ? "CPU" : "wall"} time, s)  size=${opt.size}  gort=${g}  ${new Date().toISOString()}`);
    console.log(
      "program".padEnd(13) + "size".padStart(9) + "go".padStart(9) + "yaegi".padStart(9) + "gort".padStart(9) +
        "gort/go".padStart(9) + "gort/ya".padStart(9) + "ya/go".padStart(8) + "  notes",
    );
    headerDone = true;
  }
  const notes = [];
  for (const t of ["go", "yaegi", "gort"]) if (r[t] && r[t].note) notes.push(`${t}: ${r[t].note}`);
  console.log(
    r.prog.padEnd(13) + String(r.size ?? "-").padStart(9) + fmtS(r.go).padStart(9) + fmtS(r.yaegi).padStart(9) + fmtS(r.gort).padStart(9) +
      fmtR(ratio(r.gort, r.go)).padStart(9) + fmtR(ratio(r.gort, r.yaegi)).padStart(9) + fmtR(ratio(r.yaegi, r.go)).padStart(8) +
      (notes.length > 0 ? "  " + notes.join("; ") : ""),
  );
}

function geomean(xs) {
  const v = xs.filter((x) => x !== null);
  if (v.length === 0) return { g: null, n: 0 };
  return { g: Math.exp(v.reduce((s, x) => s + Math.log(x), 0) / v.length), n: v.length };
}
let headerDone = false;
const results = [];
for (const p of progs) {
  const [dir, file] = found.get(p);
  const size = sizeOf(p);
  const sizeArgs = size === undefined ? [] : [String(size)];
  const row = { prog: p, size: size ?? null, go: null, yaegi: null, gort: null };
  let want = null;
  if (opt.go) {
    const bin = path.join(tmp, p);
    const b = spawnSync(GO, ["build", "-o", bin, file], { cwd: dir, encoding: "utf8", env: { ...process.env, GO111MODULE: "off" } });
    if (b.status !== 0) row.go = { ms: null, sum: null, note: `go build failed: ${firstDiagnostic(b.stderr ?? String(b.error))}` };
    else {
      row.go = measure("go", bin, sizeArgs, dir, null);
      want = row.go.sum;
    }
  }
  if (opt.yaegi) row.yaegi = measure("yaegi", YAEGI, ["run", file, ...sizeArgs], dir, want);
  if (opt.gortOn) {
    const [cmd, ...pre] = gortCmd();
    row.gort = measure("gort", cmd, [...pre, file, ...sizeArgs], dir, want);
  }
  results.push(row);
  printRow(row);
}

const gg = geomean(results.map((r) => ratio(r.gort, r.go)));
const gy = geomean(results.map((r) => ratio(r.gort, r.yaegi)));
const yg = geomean(results.map((r) => ratio(r.yaegi, r.go)));
console.log(
  "geomean".padEnd(13) + "".padStart(9 + 27) + fmtR(gg.g).padStart(9) + fmtR(gy.g).padStart(9) + fmtR(yg.g).padStart(8) +
    `  (over ${gg.n}, ${gy.n}, ${yg.n} programs)`,
);
const unsupported = results.filter((r) => r.gort && r.gort.ms === null).length;
if (opt.gortOn) console.log(`gort ran ${results.length - unsupported}/${results.length} programs`);
if (opt.json) fs.writeFileSync(opt.json, JSON.stringify({ opt, results }, null, 2));
fs.rmSync(tmp, { recursive: true, force: true });
