/**
 * End-to-end: the real `gort check` command (node packages/cli/bin/run.js check ...) as a user
 * runs it, on a temporary module and a tiny GOROOT. Exit codes, stderr/stdout and the absence of
 * JavaScript stack traces are what is checked; the wording itself is covered in detail by
 * src/services/check.test.ts and was compared with go1.19's `go build` (differences are listed in
 * packages/compiler/src/loader/HACKING.md).
 *
 * These tests need the built CLI (packages/cli/dist, made by the build that runs before the full
 * test run; GORT_CLI=/path/to/bin/run.js points them at another build). Without it they skip
 * with a visible reason, except when CI_FULL=1: then a missing build is a failure, so a broken
 * build can never pass the full run silently.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// GORT_CLI=/path/to/bin/run.js tests another build of the CLI (as bench/check-nethttp.mjs does)
const runJs = path.resolve(process.env.GORT_CLI || fileURLToPath(new URL("../bin/run.js", import.meta.url)));
const cliDir = path.dirname(path.dirname(runJs));
const builtCommand = path.join(cliDir, "dist", "commands", "check.js");
const built = fs.existsSync(builtCommand);
const requireBuild = process.env.CI_FULL === "1";
const missing = `${builtCommand} does not exist: build the CLI first (pnpm build, or ./gort once)`;
const skipReason = `gort check e2e tests skipped: ${missing}; CI_FULL=1 makes this a failure`;

if (!built && !requireBuild) console.warn(skipReason);

// a build older than the sources tests old code: say so, as failures would then mislead
if (built) {
  const mtime = (f: string): number => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);
  const pairs = [
    [path.join(cliDir, "src/services/check.ts"), path.join(cliDir, "dist/services/check.js")],
    [path.join(cliDir, "../compiler/src/loader/patterns.ts"), path.join(cliDir, "../compiler/dist/loader/patterns.js")],
    [path.join(cliDir, "../compiler/src/loader/loader.ts"), path.join(cliDir, "../compiler/dist/loader/loader.js")],
  ];
  const stale = pairs.filter(([src, out]) => mtime(src) > mtime(out)).map(([src]) => path.relative(cliDir, src));
  if (stale.length > 0) console.warn(`gort check e2e: the build is older than ${stale.join(", ")}; rebuild if these tests fail`);
}

// with CI_FULL=1 a missing build is one clear failure (the tests below then skip)
describe.runIf(requireBuild)("gort check (built CLI) prerequisites", () => {
  it("has been built", () => {
    expect(built, `gort check e2e tests cannot run: ${missing}`).toBe(true);
  });
});

let tmp = "";
function write(rel: string, data: string | Uint8Array): void {
  const f = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, data);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `gort check args` in `cwd` (relative to the temp module) with the tiny GOROOT, or with
 * GOROOT unset (gort's own standard library) when `goroot` is false.
 */
function gortCheck(args: string[], cwd = ".", goroot = true): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, GOROOT: path.join(tmp, "goroot") };
  if (!goroot) delete env.GOROOT;
  delete env.GORT_TRACEBACK;
  const r = spawnSync(process.execPath, [runJs, "check", ...args], {
    cwd: path.join(tmp, cwd),
    env,
    encoding: "utf8",
    // a hang is a failure, not a stuck test run
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
  if (r.error !== undefined) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No JavaScript stack frames or gort crash reports in the output. */
function expectNoCrash(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
  expect(r.stderr).not.toContain("internal error");
  expect(r.stdout).toBe("");
}

describe.skipIf(!built)("gort check (built CLI)", () => {
  beforeAll(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "gort-check-e2e-")));
    write("go.mod", "module example.com/m\n\ngo 1.19\n");
    write("goroot/src/fmt/print.go", "package fmt\n\nfunc Println(a ...any) {}\n");
    write("ok/main.go", 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n');
    write("bad/bad.go", 'package bad\n\nfunc f() {\n\tx := 1\n}\n\nvar y int = "s"\n');
    write("many/many.go", "package many\n\nfunc f() {\n" + Array.from({ length: 12 }, (_, i) => `\tvar x${i} int = "s"\n\t_ = x${i}\n`).join("") + "}\n");
    write("nostd/x.go", 'package nostd\n\nimport "nosuchpkg/x"\n\nvar _ = x.Y\n');
    write("in/binary/x.go", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0x10]));
    write("in/empty/x.go", "");
    write("in/deep/x.go", "package p\n\nvar x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n");
    write("in/deepcall/x.go", "package p\n\nfunc f() int { return 1 }\n\nvar x = f" + "()".repeat(10_000) + "\n");
    write("in/long/x.go", 'package p\n\nvar s = "' + "a".repeat(1_000_000) + '"\nvar t int = s\n');
    write("in/utf8/x.go", new Uint8Array([...Buffer.from('package p\n\nvar s = "'), 0xff, 0xfe, ...Buffer.from('"\n')]));
  });
  afterAll(() => {
    if (tmp !== "") fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("is silent and exits 0 on a clean package", () => {
    expect(gortCheck(["./ok"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(gortCheck([], "ok")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(gortCheck(["main.go"], "ok")).toEqual({ code: 0, stdout: "", stderr: "" });
    // no std package "ok": the directory, as README's `./gort check examples/hello`
    expect(gortCheck(["ok"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("prints sorted type errors under go build's package header and exits 1", () => {
    const r = gortCheck(["./bad"]);
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "# example.com/m/bad\n" +
        "bad/bad.go:4:2: x declared but not used\n" +
        'bad/bad.go:7:13: cannot use "s" (untyped string constant) as int value in variable declaration\n',
    });
    expect(gortCheck(["bad.go"], "bad").stderr).toMatch(/^# command-line-arguments\n\.\/bad\.go:4:2: /);
  });

  it("stops after 10 errors with too many errors", () => {
    const r = gortCheck(["./many"]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("# example.com/m/many");
    expect(lines).toHaveLength(12);
    expect(lines.slice(1, 11).every((l) => /^many\/many\.go:\d+:\d+: cannot use "s"/.test(l))).toBe(true);
    expect(lines[11]).toMatch(/^many\/many\.go:22:\d+: too many errors$/);
  });

  it("reports an import missing from gort's own standard library in one line", () => {
    const r = gortCheck(["./nostd"], ".", false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nostd\/x\.go:3:8: package nosuchpkg\/x is not in std \(\/.*\/packages\/stdlib\/go\/nosuchpkg\/x\)\n$/);
  });

  it("reports a missing file or directory in one line", () => {
    expect(gortCheck(["nope.go"])).toEqual({ code: 1, stdout: "", stderr: "stat nope.go: no such file or directory\n" });
    const r = gortCheck(["./nope"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`stat ${path.join(tmp, "nope")}: directory not found\n`);
  });

  it.each([
    ["binary", /^reading x\.go: unexpected NUL in input\n$/],
    ["empty", /^x\.go:1:1: expected 'package', found 'EOF'\n$/],
    // the parser's nesting limit; past column 255 gc-style positions carry no column
    ["deep", /^# command-line-arguments\n\.\/x\.go:3(:\d+)?: /],
    ["deepcall", /^# command-line-arguments\n\.\/x\.go:\d+:\d+: /],
    ["long", /^# command-line-arguments\n\.\/x\.go:4:13: cannot use s \(variable of type string\) as type int in variable declaration\n$/],
    ["utf8", /^# command-line-arguments\n\.\/x\.go:3:10: invalid UTF-8 encoding\n/],
  ])("gives bad input (%s) a diagnostic, exit 1, no stack trace", (dir, want) => {
    const r = gortCheck(["x.go"], path.join("in", dir));
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(want);
  });
});
