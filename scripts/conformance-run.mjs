#!/usr/bin/env node
// Conformance runner for `gort run` over Go 1.19's single-file run tests.
//
//   node scripts/conformance-run.mjs [--write-known-failures] [--list] [--jobs N] [--timeout S] [dir...]
//
// dirs are test/ subdirectories ("." = test/ itself); default: . chan ken fixedbugs typeparam interface.
// Prints pass counts and percentages per directory and overall, the categories of the others,
// the most common "not supported yet" constructs, and (with --list) every non-passing test.
// --write-known-failures rewrites packages/compiler/test/run/known-failures.txt from this run
// (only when all default directories are run). GOROOT_TEST (or GOROOT_FOR_TESTS/test) selects
// the test tree, default /usr/lib/go-1.19/test.
//
// Which tests: exactly those Go's own test/run.go would run with the "run" action and no
// arguments or flags: the recipe is the file's text up to the first blank line (a first line
// containing "+build" is skipped), minus the leading "//", split into words; it must be the
// single word "run". Files whose build constraints (//go:build or // +build lines before
// "package") exclude linux/amd64 with the gc toolchain are skipped, as run.go's shouldTest does.
// Each test passes when its exit status is 0 and its combined stdout+stderr equals the .out file
// (empty when there is none), as run.go's checkExpectedOutput requires.
//
// How: the CLI's run service is bundled once from the TypeScript sources with esbuild (bundling
// inlines the interpreter's const-enum opcodes, so the VM runs at built speed; no dist/ is read).
// Every test then runs in its own child process (`--child` mode of this script) with cwd = the
// test's directory, a hard time limit (default 30 s of CPU, then SIGKILL) and stdout and stderr sharing
// one file so their interleaving is the program's. `jobs` children run at once (default 2).
//
// Categories (every test gets exactly one):
//   pass          exit 0 and exactly Go's output
//   wrong-output  compiled and ran, but the output or exit status differs from Go's
//   crash         gort itself failed: a JavaScript exception, or the process died
//   unsupported   stopped at compile time with "gort: … not supported yet"
//   not-compiled  stopped at compile time with another diagnostic (missing package, checker error)
//   timeout       still running after the time limit
// "unsupported" and "not-compiled" are clean refusals; the other three are the failures the
// project must not hide, which the sweep test (packages/compiler/test/run/sweep.test.ts) keeps
// visible through the committed known-failures list.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleExports } from "./srcbundle.mjs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIRS = [".", "chan", "ken", "fixedbugs", "typeparam", "interface"];
export const CATEGORIES = ["pass", "wrong-output", "crash", "unsupported", "not-compiled", "timeout"];
/** categories that are clean refusals (gort said it cannot compile the program) */
export const CLEAN = new Set(["unsupported", "not-compiled"]);
export const knownFailuresFile = path.join(repoRoot, "packages/compiler/test/run/known-failures.txt");
/** Output kept per test; a program printing more is cut (and cannot pass, unless Go's .out is that big). */
const OUTPUT_CAP = 8 << 20;

export function testRoot() {
  if (process.env.GOROOT_TEST) return process.env.GOROOT_TEST;
  if (process.env.GOROOT_FOR_TESTS) return path.join(process.env.GOROOT_FOR_TESTS, "test");
  return "/usr/lib/go-1.19/test";
}

/** PATH for the tests: the Go toolchain of the test suite's GOROOT first, when it has one. */
function testPath() {
  const goroot = path.dirname(testRoot());
  const bin = path.join(goroot, "bin");
  const base = process.env.PATH ?? "";
  return fs.existsSync(path.join(bin, "go")) ? `${bin}${path.delimiter}${base}` : base;
}

// ─── selection (run.go's recipe and build-constraint rules) ─────────────────────────────────

/** The test's recipe words ("run", args…) as run.go reads them, or null when it has none. */
export function recipe(src) {
  if (src.length === 0 || src[0] === "\n") return null;
  const cut = src.indexOf("\n\n");
  if (cut < 0) return null;
  let action = src.slice(0, cut);
  const nl = action.indexOf("\n");
  if (nl >= 0 && action.slice(0, nl).includes("+build")) action = action.slice(nl + 1);
  if (action.startsWith("//")) action = action.slice(2);
  // run.go splits with quoting; a plain whitespace split is exact for the "run" recipes we keep
  return action.split(/\s+/).filter((w) => w !== "");
}

function tagMatches(tag) {
  return tag === "linux" || tag === "amd64" || tag === "gc" || tag === "cgo" || tag === "test_run" || tag === "unix";
}

/** Evaluates one //go:build expression (||, &&, !, parentheses). */
function evalGoBuild(expr) {
  const toks = expr.match(/\|\||&&|!|\(|\)|[A-Za-z0-9_.]+/g) ?? [];
  let i = 0;
  const or = () => {
    let v = and();
    while (toks[i] === "||") {
      i++;
      v = and() || v;
    }
    return v;
  };
  const and = () => {
    let v = not();
    while (toks[i] === "&&") {
      i++;
      v = not() && v;
    }
    return v;
  };
  const not = () => {
    if (toks[i] === "!") {
      i++;
      return !not();
    }
    if (toks[i] === "(") {
      i++;
      const v = or();
      i++; // ")"
      return v;
    }
    return tagMatches(toks[i++] ?? "");
  };
  return or();
}

/** Evaluates one "// +build" line: space-separated alternatives of comma-separated terms. */
function evalPlusBuild(rest) {
  return rest
    .trim()
    .split(/\s+/)
    .some((alt) => alt.split(",").every((t) => (t.startsWith("!") ? !tagMatches(t.slice(1)) : tagMatches(t))));
}

/** run.go's shouldTest for linux/amd64: every build constraint before "package" must hold. */
export function buildsOnLinuxAmd64(src) {
  const end = src.indexOf("\npackage");
  const header = end >= 0 ? src.slice(0, end) : src;
  for (const line of header.split("\n")) {
    let m = /^\/\/go:build\s+(.*)$/.exec(line);
    if (m && !evalGoBuild(m[1])) return false;
    m = /^\/\/\s*\+build\s+(.*)$/.exec(line);
    if (m && !evalPlusBuild(m[1])) return false;
  }
  return true;
}

/** The run tests of the given directories: [{ test: "dir/file.go" (or "file.go" for "."), dir, file }]. */
export function collectTests(root, dirs = DIRS) {
  const out = [];
  for (const d of dirs) {
    const dir = path.join(root, d);
    if (!fs.existsSync(dir)) throw new Error(`conformance-run: no directory ${dir}`);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".go")).sort()) {
      const src = fs.readFileSync(path.join(dir, file), "utf8");
      const r = recipe(src);
      if (r === null || r.length !== 1 || r[0] !== "run") continue;
      if (!buildsOnLinuxAmd64(src)) continue;
      out.push({ test: d === "." ? file : `${d}/${file}`, dirKey: d, dir, file });
    }
  }
  return out;
}

// ─── running ────────────────────────────────────────────────────────────────────────────────

/** Bundles the run service from the sources into `outDir`; returns the bundle's path. */
export function buildBundle(outDir) {
  return bundleExports(path.join(outDir, "gort-run.mjs"), { runRun: ["cli", "services/run.ts"] });
}

/** Child mode: run one program with the bundle; status JSON on fd 3, program output on fds 1/2. */
async function childMain(bundle, file) {
  const mod = await import(pathToFileURL(bundle).href);
  let written = 0;
  const sink = (fd) => (s) => {
    if (written > OUTPUT_CAP) return;
    written += s.length;
    fs.writeSync(fd, s);
  };
  const env = { ...process.env };
  delete env.GOROOT;
  let status;
  try {
    const code = await mod.runRun([file], { cwd: process.cwd(), env, stdout: sink(1), stderr: sink(2) });
    status = { code };
  } catch (e) {
    status = { crash: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e) };
  }
  fs.writeSync(3, JSON.stringify(status));
}

function runChild(bundle, t, timeoutMs, tmpDir) {
  return new Promise((resolve) => {
    const outPath = path.join(tmpDir, `${t.test.replace(/\//g, "_")}.out`);
    const fd = fs.openSync(outPath, "w");
    const t0 = Date.now();
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--child", bundle, t.file], {
      cwd: t.dir,
      stdio: ["ignore", fd, fd, "pipe"],
      // a clean environment: no GOROOT (gort's own stdlib), no image cache (always compile), and
      // the stdlib's location, which the loader cannot derive from a bundle living in /tmp
      // — and Go's toolchain on PATH, as run.go's harness has it: a few tests drive the `go`
      // command through os/exec (what they check of gort is os/exec, files and exit codes)
      // (run.go also sets GOENV=off and GOFLAGS=; Go's `dist test`, which runs run.go, exports
      // GOOS and GOARCH — env.go checks that)
      env: {
        PATH: testPath(),
        HOME: process.env.HOME ?? "",
        GORTCACHE: "off",
        GORT_STDLIB: path.join(repoRoot, "packages/stdlib/go"),
        GOENV: "off",
        GOFLAGS: "",
        GOOS: "linux",
        GOARCH: "amd64",
      },
    });
    fs.closeSync(fd);
    let status = "";
    child.stdio[3].on("data", (b) => void (status += b.toString()));
    let timedOut = false;
    // The limit is on the child's CPU time where /proc shows it (a loaded CI machine stretches
    // wall time, not CPU time), with a wall-clock backstop of 30× the limit for programs that
    // hang without using CPU (a sleep that never ends) — generous because on a machine shared
    // by many processes a child may get only a few percent of a core.
    const timer = setInterval(() => {
      const cpu = cpuMs(child.pid);
      const wall = Date.now() - t0;
      if ((cpu !== null ? cpu > timeoutMs : wall > timeoutMs) || wall > 30 * timeoutMs) {
        timedOut = true;
        child.kill("SIGKILL");
      }
    }, 250);
    child.on("close", (code, signal) => {
      clearInterval(timer);
      const ms = Date.now() - t0;
      let out = "";
      try {
        const st = fs.statSync(outPath);
        const buf = Buffer.alloc(Math.min(st.size, OUTPUT_CAP + 1024));
        const rfd = fs.openSync(outPath, "r");
        fs.readSync(rfd, buf, 0, buf.length, 0);
        fs.closeSync(rfd);
        out = buf.toString("utf8");
        fs.unlinkSync(outPath);
      } catch {
        // no output file: out stays empty
      }
      let parsed = null;
      try {
        parsed = status === "" ? null : JSON.parse(status);
      } catch {
        parsed = null;
      }
      resolve({ ms, out, timedOut, parsed, code, signal });
    });
  });
}

/** CPU time (user+system, ms) of a running process from /proc, or null where unavailable. */
function cpuMs(pid) {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}
/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const CLK_TCK = 100;

/** Short reason for a non-passing test (a category-specific summary of its output). */
function reasonOf(category, out, r) {
  const firstLine = (s) => s.split("\n").find((l) => l.trim() !== "") ?? "";
  switch (category) {
    case "unsupported":
      return /gort: (.*?) not supported yet/.exec(out)?.[1] ?? "";
    case "not-compiled": {
      const nat = /native function (\S+) is not provided/.exec(out);
      if (nat) return `missing native ${nat[1]}`;
      const imp = /could not import "?([^"\s]+)"?|package ([\w/.]+) is not in std|cannot find package "?([\w/.]+)/.exec(out);
      if (imp) return `missing package ${imp[1] ?? imp[2] ?? imp[3]}`;
      const lines = out.split("\n").filter((l) => l !== "" && !l.startsWith("# "));
      return (lines[0] ?? "").replace(/^[^:]*\.go:\d+:\d+: /, "");
    }
    case "crash":
      return r.parsed?.crash !== undefined ? firstLine(r.parsed.crash) : `process died (${r.signal ?? `exit ${r.code}`})`;
    case "timeout":
      return "time limit";
    case "wrong-output": {
      const panic = /^(panic: .*|fatal error: .*)$/m.exec(out);
      if (panic) return `exit ${r.parsed.code}: ${panic[1]}`.slice(0, 120);
      return `exit ${r.parsed.code}, output differs`;
    }
    default:
      return "";
  }
}

/** Classifies one finished child run against Go's expected output. */
export function classify(r, want) {
  if (r.timedOut) return "timeout";
  if (r.parsed === null) return "crash";
  if (r.parsed.crash !== undefined) return "crash";
  const code = r.parsed.code;
  if (code === 0 && r.out === want) return "pass";
  // compile errors: `gort run` prints "# pkg" then diagnostics (or loader errors) and exits 1
  // before the program starts; a program that exits 1 itself prints neither form first
  if (code === 1 && /^gort: .*invalid program image: native function \S+ is not provided/.test(r.out)) return "not-compiled";
  if (code === 1 && (r.out.startsWith("# ") || /^package \S+ is not in std|^[^\n]*\.go:\d+:\d+: /.test(r.out))) {
    return /gort: .* not supported yet/.test(r.out) ? "unsupported" : "not-compiled";
  }
  return "wrong-output";
}

/**
 * Runs the tests (from collectTests) `jobs` at a time; calls onResult after each one.
 * Returns [{ test, dirKey, category, reason, ms }] in input order.
 */
export async function runSweep(tests, { jobs = 2, timeoutMs = 10_000, onResult = () => {} } = {}) {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-conformance-run-"));
  try {
    const bundle = buildBundle(tmpDir);
    const results = new Array(tests.length);
    let next = 0;
    const worker = async () => {
      while (next < tests.length) {
        const i = next++;
        const t = tests[i];
        const outFile = path.join(t.dir, t.file.replace(/\.go$/, ".out"));
        const want = fs.existsSync(outFile) ? fs.readFileSync(outFile, "utf8") : "";
        const r = await runChild(bundle, t, timeoutMs, tmpDir);
        const category = classify(r, want);
        const res = { test: t.test, dirKey: t.dirKey, category, reason: reasonOf(category, r.out, r), ms: r.ms };
        results[i] = res;
        onResult(res, r.out);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
    return results;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

// ─── reporting and the known-failures list ──────────────────────────────────────────────────

/** The per-directory table (pass count and percentage, then each other category). */
export function formatTable(results, dirs = DIRS) {
  const header = ["dir", "tests", "pass", "%", ...CATEGORIES.slice(1)];
  const rows = [header];
  const row = (name, rs) => {
    const n = (c) => rs.filter((r) => r.category === c).length;
    const pass = n("pass");
    rows.push([name, String(rs.length), String(pass), rs.length === 0 ? "-" : ((100 * pass) / rs.length).toFixed(1), ...CATEGORIES.slice(1).map((c) => String(n(c)))]);
  };
  for (const d of dirs) row(d === "." ? "test" : d, results.filter((r) => r.dirKey === d));
  row("total", results);
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")).join("\n");
}

/** The most common reasons in a category, as "count\treason" lines. */
export function topReasons(results, category, limit = 25) {
  const m = new Map();
  for (const r of results) if (r.category === category) m.set(r.reason, (m.get(r.reason) ?? 0) + 1);
  return [...m]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([w, n]) => `${String(n).padStart(5)}  ${w}`)
    .join("\n");
}

/** Parses known-failures.txt: Map test → { category, reason }. */
export function readKnownFailures(file = knownFailuresFile) {
  const m = new Map();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [test, category, ...rest] = line.split("\t");
    m.set(test, { category, reason: rest.join("\t") });
  }
  return m;
}

export function formatKnownFailures(results) {
  const lines = [
    "# Go 1.19 run tests that `gort run` does not pass yet: test<TAB>category<TAB>reason.",
    "# Checked by packages/compiler/test/run/sweep.test.ts (GORT_SWEEP=1); the list only shrinks.",
    "# Regenerate: node scripts/conformance-run.mjs --write-known-failures",
    "# Categories: wrong-output, crash, timeout (must be fixed) | unsupported, not-compiled (clean refusals).",
  ];
  for (const r of [...results].sort((a, b) => (a.test < b.test ? -1 : 1))) {
    if (r.category !== "pass") lines.push(`${r.test}\t${r.category}\t${r.reason.replace(/[\t\n]/g, " ")}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Compares a run with the known-failures list.
 *   fixed:     listed, now pass (remove them from the list)
 *   unlisted:  not listed, do not pass (new failures)
 *   worse:     listed as a clean refusal, now crash / wrong-output / timeout
 *   changed:   other category changes (informational)
 */
export function compareKnown(results, known) {
  const fixed = [];
  const unlisted = [];
  const worse = [];
  const changed = [];
  for (const r of results) {
    const k = known.get(r.test);
    if (k === undefined) {
      if (r.category !== "pass") unlisted.push(r);
    } else if (r.category === "pass") fixed.push(r);
    else if (k.category !== r.category) {
      if (CLEAN.has(k.category) && !CLEAN.has(r.category)) worse.push({ ...r, was: k.category });
      else changed.push({ ...r, was: k.category });
    }
  }
  return { fixed, unlisted, worse, changed };
}

// ─── command line ───────────────────────────────────────────────────────────────────────────

async function main(argv) {
  if (argv[0] === "--child") return childMain(argv[1], argv[2]);
  let jobs = Number(process.env.GORT_SWEEP_JOBS ?? 2);
  let timeout = 30;
  let write = false;
  let list = false;
  const dirs = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--write-known-failures") write = true;
    else if (a === "--list") list = true;
    else if (a === "--jobs") jobs = Number(argv[++i]);
    else if (a === "--timeout") timeout = Number(argv[++i]);
    else if (a.startsWith("-")) {
      console.error("usage: node scripts/conformance-run.mjs [--write-known-failures] [--list] [--jobs N] [--timeout S] [dir...]");
      process.exit(2);
    } else dirs.push(a.replace(/\/$/, "") || ".");
  }
  const chosen = dirs.length > 0 ? dirs : DIRS;
  if (write && dirs.length > 0) {
    console.error("conformance-run: --write-known-failures needs the full default set of directories");
    process.exit(2);
  }
  const root = testRoot();
  if (!fs.existsSync(root)) {
    console.error(`conformance-run: Go 1.19 test tree not found at ${root} (install golang-1.19-go or set GOROOT_TEST)`);
    process.exit(1);
  }
  const tests = collectTests(root, chosen);
  const t0 = Date.now();
  let done = 0;
  const tty = process.stderr.isTTY;
  const results = await runSweep(tests, {
    jobs,
    timeoutMs: timeout * 1000,
    onResult: () => {
      done++;
      if (tty) process.stderr.write(`\r${done}/${tests.length}`);
    },
  });
  if (tty) process.stderr.write("\r");
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(`gort run over Go 1.19's run tests (${root}), ${jobs} jobs, ${timeout} s limit, ${secs} s:\n`);
  console.log(formatTable(results, chosen));
  console.log("\nmost common unsupported constructs:\n" + topReasons(results, "unsupported", 20));
  console.log("\nmost common other compile failures:\n" + topReasons(results, "not-compiled", 10));
  const bad = results.filter((r) => !CLEAN.has(r.category) && r.category !== "pass");
  if (bad.length > 0) console.log("\ncrash / wrong-output / timeout:\n" + bad.map((r) => `  ${r.category.padEnd(12)} ${r.test}: ${r.reason}`).join("\n"));
  if (list) console.log("\nall non-passing:\n" + results.filter((r) => r.category !== "pass").map((r) => `  ${r.category.padEnd(12)} ${r.test}: ${r.reason}`).join("\n"));
  const slow = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log("\nslowest: " + slow.map((r) => `${r.test} ${(r.ms / 1000).toFixed(1)} s`).join(", "));
  if (write) {
    fs.writeFileSync(knownFailuresFile, formatKnownFailures(results));
    console.log(`\nwrote ${path.relative(repoRoot, knownFailuresFile)}`);
  } else if (fs.existsSync(knownFailuresFile) && dirs.length === 0) {
    const cmp = compareKnown(results, readKnownFailures());
    if (cmp.fixed.length > 0) console.log("\nnow passing (remove from known-failures.txt):\n  " + cmp.fixed.map((r) => r.test).join("\n  "));
    if (cmp.unlisted.length > 0) console.log("\nnew failures (not in known-failures.txt):\n  " + cmp.unlisted.map((r) => `${r.test} ${r.category}: ${r.reason}`).join("\n  "));
    if (cmp.worse.length > 0) console.log("\nworse than listed:\n  " + cmp.worse.map((r) => `${r.test} ${r.was} -> ${r.category}: ${r.reason}`).join("\n  "));
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
