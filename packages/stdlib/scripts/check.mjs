#!/usr/bin/env node
// Verifies gort's Go standard library tree with the real Go 1.19 toolchain used
// as a test oracle (never as a dependency of gort).
//
// It copies packages/stdlib/go into a scratch module named "gortstd", rewrites
// every import of a package that our tree provides to "gortstd/<path>", lays
// the check shims of scripts/shim over it (packages whose bodies gort's runtime
// supplies natively), runs `go vet ./...`, then runs each differential program
// in packages/stdlib/test/<pkg>/*.go (files with a `//go:build ignore` line),
// which compares our package with Go's on many inputs and exits non-zero on a
// mismatch. A program with a sibling <name>.out file is a golden program: its
// standard output under Go must equal that file (test/golden/; gort must
// print the same once it runs programs).
//
// Usage: node scripts/check.mjs [--dir DIR] [--n COUNT] [--no-vet] [PKG...]
//   DIR    scratch directory (default /tmp/gortstd-check; it is wiped first)
//   COUNT  random cases per differential program (GORTSTD_N; default 20000)
//   PKG    only run the differential programs of these test folders
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const GO = process.env.GORTSTD_GO ?? "/usr/lib/go-1.19/bin/go";

const args = process.argv.slice(2);
let dir = "/tmp/gortstd-check";
let n = process.env.GORTSTD_N ?? "20000";
let vet = true;
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--dir") dir = args[++i];
  else if (args[i] === "--n") n = args[++i];
  else if (args[i] === "--no-vet") vet = false;
  else only.push(args[i]);
}

if (!existsSync(GO)) {
  console.error(`check: Go 1.19 not found at ${GO} (apt-get install golang-1.19-go); it is the test oracle`);
  process.exit(2);
}

function walk(d, out = []) {
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(join(root, "go"), dir, { recursive: true });
cpSync(join(here, "shim"), dir, { recursive: true });
// A shim replaces the body-less declarations of the same package.
for (const f of walk(join(here, "shim"))) {
  const pkgDir = join(dir, dirname(relative(join(here, "shim"), f)));
  for (const g of readdirSync(pkgDir)) {
    const p = join(pkgDir, g);
    if (g.endsWith(".go") && !existsSync(join(here, "shim", relative(dir, p)))) rmSync(p);
  }
}
for (const f of walk(join(root, "go"))) if (f.endsWith(".md")) rmSync(join(dir, relative(join(root, "go"), f)));

const ours = new Set(
  walk(dir).filter((f) => f.endsWith(".go")).map((f) => relative(dir, dirname(f))),
);

// Packages built against Go's real packages instead of ours, because ours
// need gort's runtime to run (body-less natives): fmt is verified as Go
// code over Go's reflect, os and sync, whose APIs ours mirror.
const realImports = new Map([
  ["fmt", new Set(["reflect", "os", "sync", "internal/reflectlite"])],
  ["internal/fmtsort", new Set(["reflect"])],
  ["internal/reflectlite", new Set(["reflect"])], // the shim (scripts/shim)
  // encoding/json and text/template are verified over Go's reflect (and sync, os, fmt)
  ["encoding/json", new Set(["reflect", "sync"])],
  ["text/template", new Set(["reflect", "sync", "os", "fmt", "path/filepath"])],
]);

// Packages with body-less (runtime-provided) functions get an empty
// assembly file in the scratch copy: the Go compiler then accepts missing
// bodies (no -complete), so go vet can build their export data. Such a
// package type-checks and vets but cannot link, which nothing here needs.
const bodyless = /^func\s[^{]*$/m;
for (const pkg of ours) {
  const files = readdirSync(join(dir, pkg)).filter((f) => f.endsWith(".go"));
  if (files.some((f) => bodyless.test(readFileSync(join(dir, pkg, f), "utf8")))) {
    writeFileSync(join(dir, pkg, "gort_natives.s"), "// Natives are provided by gort's runtime.\n");
  }
}

// Copy the differential programs: test/<pkg>/<name>.go -> DIR/difftest/<pkg>/<name>.go
const progs = [];
const testRoot = join(root, "test");
for (const f of walk(testRoot)) {
  if (!f.endsWith(".go")) continue;
  const rel = relative(testRoot, f);
  const pkg = dirname(rel);
  if (only.length && !only.includes(pkg)) continue;
  const dest = join(dir, "difftest", rel);
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(f, dest);
  progs.push(rel);
}

// Rewrite imports of packages we provide, inside the library tree only (the
// differential programs name ours as "gortstd/..." and Go's by their paths).
const importLine = /^(\s*(?:import\s+)?(?:[\w.]+\s+)?)"([^"]+)"/;
/** Rewrites the imports `want(path)` selects to "gortstd/<path>". */
function rewriteImports(text, want) {
  const lines = text.split("\n");
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^import\s*\($/.test(l)) { inBlock = true; continue; }
    if (inBlock && /^\)/.test(l)) { inBlock = false; continue; }
    if (inBlock || /^import\s/.test(l)) {
      const m = importLine.exec(l);
      if (m && want(m[2])) lines[i] = l.replace(`"${m[2]}"`, `"gortstd/${m[2]}"`);
    }
  }
  return lines.join("\n");
}
for (const f of walk(dir)) {
  if (!f.endsWith(".go") || f.startsWith(join(dir, "difftest"))) continue;
  const pkg = relative(dir, dirname(f));
  writeFileSync(f, rewriteImports(readFileSync(f, "utf8"), (path) => ours.has(path) && !realImports.get(pkg)?.has(path)));
}
writeFileSync(join(dir, "go.mod"), "module gortstd\n\ngo 1.19\n");

const env = {
  ...process.env,
  GO111MODULE: "on",
  // gortcheck: files that only gort builds (runtime natives called from an init) stay out
  GOFLAGS: "-mod=mod -tags=gortcheck",
  GOPROXY: "off",
  GOROOT: "/usr/lib/go-1.19",
  GOCACHE: process.env.GOCACHE ?? "/tmp/gortstd-gocache",
  GOPATH: process.env.GOPATH ?? "/tmp/gortstd-gopath", // CI may run without $HOME
  GOENV: "off",
  GORTSTD_N: n,
};
let failed = 0;
function run(argv, label, golden) {
  const t0 = Date.now();
  const r = spawnSync(GO, argv, { cwd: dir, env, encoding: "utf8", maxBuffer: 64 << 20 });
  let out = (r.stdout ?? "") + (r.stderr ?? "");
  let ok = r.status === 0;
  // A golden program's stdout must equal its .out file (written with Go).
  if (ok && golden !== undefined && r.stdout !== golden) {
    ok = false;
    const got = r.stdout.split("\n");
    const want = golden.split("\n");
    const i = got.findIndex((l, k) => l !== want[k]);
    out = `stdout differs from the .out file at line ${i + 1}:\n  go:   ${JSON.stringify(got[i])}\n  .out: ${JSON.stringify(want[i])}`;
  }
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${label} (${Date.now() - t0} ms)`);
  if (!ok || process.env.GORTSTD_VERBOSE) console.log(out.trimEnd().split("\n").slice(0, 60).map((s) => "    " + s).join("\n"));
  return ok;
}
if (vet) {
  const pkgs = [...ours].sort().map((p) => "./" + p);
  run(["vet", ...pkgs], "go vet");
}
// A program marked "// gortstd:wasm" compares against Go's portable code:
// it runs as GOOS=js GOARCH=wasm under Node, where Go uses no assembly.
const wasmExec = join(here, "wasm-exec.sh");
for (const p of progs.sort()) {
  const text = readFileSync(join(dir, "difftest", p), "utf8");
  if (/^\/\/ gortstd:wasm$/m.test(text)) {
    const saved = { GOOS: env.GOOS, GOARCH: env.GOARCH };
    env.GOOS = "js";
    env.GOARCH = "wasm";
    run(["run", "-exec", wasmExec, join("difftest", p)], `diff ${p} (js/wasm)`);
    env.GOOS = saved.GOOS;
    env.GOARCH = saved.GOARCH;
    if (env.GOOS === undefined) delete env.GOOS;
    if (env.GOARCH === undefined) delete env.GOARCH;
  } else {
    const outFile = join(testRoot, p.replace(/\.go$/, ".out"));
    const golden = existsSync(outFile) ? readFileSync(outFile, "utf8") : undefined;
    run(["run", join("difftest", p)], `${golden === undefined ? "diff" : "golden"} ${p}`, golden);
    if (golden !== undefined) {
      // The same program over our packages wherever they run under Go
      // (everything without natives: fmt, errors, strings, sort, io, ...).
      const oursCopy = join(dir, "difftest", p.replace(/\.go$/, "_ours.go"));
      writeFileSync(oursCopy, rewriteImports(text, (path) => ours.has(path) && !existsSync(join(dir, path, "gort_natives.s"))));
      run(["run", relative(dir, oursCopy)], `golden ${p} (our packages)`, golden);
    }
  }
}
console.log(failed ? `${failed} failed` : "all passed");
process.exit(failed ? 1 : 0);
