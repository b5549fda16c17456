/**
 * gotest.ts — `gort test [flags] [packages] [-args ...]`, like `go test`: for each package, the
 * package with its _test.go files, the external test package and a generated test main
 * (compiler loader/testpkg.ts) are compiled into one image and run on gort's runtime with the
 * testing package's -test.* flags. Output and exit status follow go test:
 *   - local directory mode (no package arguments): the test binary's output, then
 *     `ok  \tPATH\t0.012s`, or on failure `exit status 1` and `FAIL\tPATH\t0.012s`;
 *   - package list mode: a passing package prints only its `ok` line (everything with -v);
 *     a failing one its whole output, then `FAIL\tPATH\t0.012s`; after all packages, a final
 *     `FAIL` line when any failed;
 *   - `?   \tPATH\t[no test files]`, and `FAIL\tPATH [build failed]` after compile errors
 *     (printed under `# PATH [PATH.test]` as go vet/go build print them).
 * Exit status 1 when a test failed, 2 when a package did not build or for a bad flag.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Loader, compileProgram, formatDiagnostic, loadTestProgram, walkPackageDirs, type LoadedPackage } from "@gort/compiler";
import { validateImage } from "@gort/runtime/image";
import { displayPath, packageReport } from "./check.js";
import { execImage, type RunIO } from "./runexec.js";
import { programLoadOptions } from "./run.js";

export const TEST_USAGE = "usage: gort test [build/test flags] [packages] [build/test flags & test binary flags]\nRun 'gort test --help' for details.\n";

/** go test flags that take a value, mapped to the test binary's -test.* flags. */
const VALUE_FLAGS = new Set(["run", "bench", "benchtime", "count", "list", "timeout", "cpu", "parallel"]);
const BOOL_FLAGS = new Set(["v", "benchmem", "short", "failfast"]);

interface TestArgs {
  packages: string[];
  /** -test.* arguments for the test binary */
  testArgs: string[];
  /** arguments after -args, passed through */
  extra: string[];
  verbose: boolean;
}

function parseTestArgs(args: string[]): TestArgs | string {
  const out: TestArgs = { packages: [], testArgs: [], extra: [], verbose: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-args" || a === "--args") {
      out.extra = args.slice(i + 1);
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      out.packages.push(a);
      continue;
    }
    const body = a.replace(/^--?/, "").replace(/^test\./, "");
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    if (BOOL_FLAGS.has(name)) {
      const v = eq < 0 ? "true" : body.slice(eq + 1);
      if (name === "v") out.verbose = v !== "false";
      out.testArgs.push(`-test.${name}=${v}`);
    } else if (VALUE_FLAGS.has(name)) {
      let v: string;
      if (eq >= 0) v = body.slice(eq + 1);
      else if (i + 1 < args.length) v = args[++i];
      else return `flag needs an argument: ${a}\n${TEST_USAGE}`;
      out.testArgs.push(`-test.${name}=${v}`);
    } else return `flag provided but not defined: ${a}\n${TEST_USAGE}`;
  }
  return out;
}

/** The package directories named by the arguments (go test's patterns: dirs, ./..., import paths). */
function packageDirs(loader: Loader, patterns: string[], io: RunIO): string[] | string {
  const dirs: string[] = [];
  for (const pat of patterns.length === 0 ? ["."] : patterns) {
    if (pat.endsWith("/...") || pat === "...") {
      const base = pat === "..." ? "." : pat.slice(0, -4);
      const root = path.resolve(io.cwd, base);
      if (!fs.existsSync(root)) return `pattern ${pat}: lstat ${base}/: no such file or directory`;
      for (const d of walkPackageDirs(loader, root, { skipStdTopDirs: false, stopAtModules: true })) dirs.push(d);
      continue;
    }
    if (pat.startsWith(".") || pat.startsWith("/")) {
      const d = path.resolve(io.cwd, pat);
      if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) return `stat ${d}: directory not found`;
      dirs.push(d);
      continue;
    }
    const r = loader.resolver.resolve(pat, io.cwd, "module");
    if ("error" in r) return r.error;
    dirs.push(r.dir);
  }
  return dirs;
}

/** Runs `gort test args...`; returns the exit status. */
export function runTest(args: string[], io: RunIO): number {
  const parsed = parseTestArgs(args);
  if (typeof parsed === "string") {
    io.stderr(parsed);
    return 2;
  }
  const localMode = parsed.packages.length === 0;
  const opts = programLoadOptions(io);
  const dirs = packageDirs(new Loader(opts), parsed.packages, io);
  if (typeof dirs === "string") {
    io.stderr(`${dirs}\n`);
    return 1;
  }
  let anyFailed = false;
  let buildFailed = false;
  for (const dir of dirs) {
    // a fresh loader per package: each binds its package's import path to the test version
    const loader = new Loader(opts);
    let prog: ReturnType<typeof loadTestProgram>;
    try {
      prog = loadTestProgram(loader, dir);
    } finally {
      loader.done();
    }
    const ip = prog.ptest.importPath;
    if (prog.testFiles.length === 0 && prog.errors.length === 0 && prog.ptest.loadErrors.length === 0) {
      io.stdout(`?   \t${ip}\t[no test files]\n`);
      continue;
    }
    const fset = loader.fset;
    const fmt = (d: { pos: number; msg: string }): string => {
      const s = formatDiagnostic(fset, d);
      const file = fset.position(d.pos).filename;
      return file !== "" && s.startsWith(`${file}:`) ? displayPath(file, io.cwd) + s.slice(file.length) : s;
    };
    const lines: string[] = [...prog.errors];
    for (const pkg of loader.allPackages()) {
      for (const e of pkg.loadErrors) lines.push(e.msg);
      lines.push(...packageReport(pkg, fmt).filter((l) => !l.startsWith("# ")));
    }
    let image = null;
    if (lines.length === 0 && prog.main !== null) {
      const compiled = compileProgram(prog.main, fset);
      if (compiled.image === null) for (const d of compiled.errors) lines.push(fmt(d));
      else image = compiled.image;
    }
    if (lines.length > 0 || image === null) {
      io.stderr(`# ${ip} [${ip}.test]\n${lines.join("\n")}\n`);
      io.stdout(`FAIL\t${ip} [build failed]\n`);
      anyFailed = true;
      buildFailed = true;
      continue;
    }
    validateImage(image, path.join(dir, "_testmain.go"));
    // the binary's output: streamed in local mode and with -v, else kept until the result is known
    const stream = localMode || parsed.verbose;
    const kept: [1 | 2, Uint8Array][] = [];
    const keep = (fd: 1 | 2) => (b: Uint8Array) => void kept.push([fd, b.slice()]);
    const binIO: RunIO = stream
      ? io
      : {
          ...io,
          stdout: (s) => keep(1)(new TextEncoder().encode(s)),
          stderr: (s) => keep(2)(new TextEncoder().encode(s)),
          stdoutBytes: keep(1),
          stderrBytes: keep(2),
        };
    const name = `${path.basename(ip === "command-line-arguments" ? dir : ip)}.test`;
    const t1 = Date.now(); // go test times the test binary's run, not the build
    const code = execImage(image, path.join(dir, "_testmain.go"), name, [...parsed.testArgs, ...parsed.extra], { ...binIO, cwd: dir });
    const secs = ((Date.now() - t1) / 1000).toFixed(3);
    if (code === 0) {
      io.stdout(`ok  \t${ip}\t${secs}s\n`);
      continue;
    }
    anyFailed = true;
    for (const [fd, b] of kept) (fd === 1 ? (io.stdoutBytes ?? ((x: Uint8Array) => io.stdout(new TextDecoder().decode(x)))) : (io.stderrBytes ?? ((x: Uint8Array) => io.stderr(new TextDecoder().decode(x)))))(b);
    if (localMode) io.stdout(`exit status ${code}\n`);
    io.stdout(`FAIL\t${ip}\t${secs}s\n`);
  }
  if (anyFailed && !localMode) io.stdout("FAIL\n");
  // go test: 2 when a package did not build, 1 when a test failed
  return buildFailed ? 2 : anyFailed ? 1 : 0;
}

export type { LoadedPackage };
