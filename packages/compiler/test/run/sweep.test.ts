/**
 * Conformance sweep: `gort run` over Go 1.19's single-file run tests of test/, test/chan,
 * test/ken, test/fixedbugs, test/typeparam and test/interface (the tests Go's run.go runs with the
 * plain "run" recipe on linux/amd64), each in a child process with a 30 s CPU limit, two at a time,
 * comparing the exit status and combined stdout+stderr with the .out file. The runner is
 * scripts/conformance-run.mjs (humans: `node scripts/conformance-run.mjs [dir...]`, same table).
 *
 * Takes a few minutes of CPU, so it only runs with GORT_SWEEP=1 (CI sets it):
 *   GORT_SWEEP=1 npx vitest run packages/compiler/test/run/sweep.test.ts
 *
 * known-failures.txt lists every test that does not pass yet with its category. The list only
 * shrinks; this test fails when
 *   - a listed test now passes (remove its line),
 *   - a test that is not listed does not pass (a regression, or a new test),
 *   - a test listed as a clean refusal (unsupported / not-compiled) now crashes, prints wrong
 *     output or times out: gort must never crash or print wrong output silently.
 * Regenerate the list from the current tree: node scripts/conformance-run.mjs --write-known-failures
 */
import { describe, expect, test } from "vitest";
import * as fs from "node:fs";

interface Result {
  test: string;
  dirKey: string;
  category: string;
  reason: string;
  ms: number;
}
interface Runner {
  DIRS: string[];
  testRoot(): string;
  collectTests(root: string, dirs?: string[]): { test: string }[];
  runSweep(tests: { test: string }[], opts: { jobs?: number; timeoutMs?: number }): Promise<Result[]>;
  formatTable(results: Result[], dirs?: string[]): string;
  topReasons(results: Result[], category: string, limit?: number): string;
  readKnownFailures(): Map<string, { category: string; reason: string }>;
  compareKnown(
    results: Result[],
    known: Map<string, { category: string; reason: string }>,
  ): { fixed: Result[]; unlisted: Result[]; worse: (Result & { was: string })[]; changed: (Result & { was: string })[] };
}

const runnerUrl = new URL("../../../../scripts/conformance-run.mjs", import.meta.url);
const enabled = process.env.GORT_SWEEP === "1";

// The sweep runs as chunks of CHUNK tests, each its own vitest test: a single test running for
// minutes trips vitest's 60 s worker RPC timeout ("Timeout calling onTaskUpdate") even though it
// passes. The last test compares all results with the known-failure list.
const CHUNK = 25;
const sweep = enabled ? await loadSweep() : null;
async function loadSweep(): Promise<{ runner: Runner; tests: { test: string }[]; root: string }> {
  const runner = (await import(runnerUrl.href)) as Runner;
  const root = runner.testRoot();
  return { runner, root, tests: fs.existsSync(root) ? runner.collectTests(root) : [] };
}

describe.skipIf(!enabled)("Go test suite sweep (gort run vs Go's .out files)", () => {
  const results: Result[] = [];
  const jobs = Number(process.env.GORT_SWEEP_JOBS ?? 2);
  const t0 = Date.now();
  test("the Go 1.19 test tree is present", () => {
    // CI installs Go 1.19; a missing tree must fail loudly rather than skip
    expect(fs.existsSync(sweep!.root), `Go 1.19 test tree at ${sweep!.root}`).toBe(true);
    expect(sweep!.tests.length).toBeGreaterThan(800);
  });
  const tests = sweep?.tests ?? [];
  for (let i = 0; i < tests.length; i += CHUNK) {
    const chunk = tests.slice(i, i + CHUNK);
    test(`tests ${i + 1}-${i + chunk.length} (${chunk[0].test} …)`, async () => {
      results.push(...(await sweep!.runner.runSweep(chunk, { jobs, timeoutMs: 30_000 })));
    }, 300_000);
  }
  test("results match known-failures.txt", () => {
    const runner = sweep!.runner;
    expect(results.length).toBe(tests.length);
    console.log(`gort run sweep: ${tests.length} tests, ${jobs} jobs, ${((Date.now() - t0) / 1000).toFixed(0)} s\n` + runner.formatTable(results));
    console.log("most common unsupported constructs:\n" + runner.topReasons(results, "unsupported", 15));
    const cmp = runner.compareKnown(results, runner.readKnownFailures());
    const fmt = (rs: Result[]) => rs.map((r) => `${r.test} [${r.category}] ${r.reason}`);
    if (cmp.changed.length > 0) console.log("category changes (fine; refresh the list with --write-known-failures):\n  " + fmt(cmp.changed).join("\n  "));
    expect(cmp.fixed.map((r) => r.test), "these now pass: remove them from packages/compiler/test/run/known-failures.txt").toEqual([]);
    expect(fmt(cmp.unlisted), "these do not pass and are not in known-failures.txt").toEqual([]);
    expect(
      cmp.worse.map((r) => `${r.test}: was ${r.was}, now ${r.category}: ${r.reason}`),
      "these stopped cleanly before and now crash, print wrong output or time out",
    ).toEqual([]);
  });
});

test("conformance runner selects tests as Go's run.go does", async () => {
  const runner = (await import(runnerUrl.href)) as Runner & {
    recipe(src: string): string[] | null;
    buildsOnLinuxAmd64(src: string): boolean;
    classify(r: { timedOut: boolean; parsed: { code?: number; crash?: string } | null; out: string }, want: string): string;
  };
  expect(runner.recipe("// run\n\n// Copyright\npackage main\n")).toEqual(["run"]);
  expect(runner.recipe("// +build linux\n// run\n\npackage main\n")).toEqual(["run"]);
  expect(runner.recipe("// run -gcflags=-l\n\npackage main\n")).toEqual(["run", "-gcflags=-l"]);
  expect(runner.recipe("// runoutput\n\npackage main\n")).toEqual(["runoutput"]);
  expect(runner.recipe("\n// run\n\npackage main\n")).toBe(null);
  expect(runner.buildsOnLinuxAmd64("// run\n\n//go:build !windows && amd64\n\npackage main\n")).toBe(true);
  expect(runner.buildsOnLinuxAmd64("// run\n\n//go:build darwin || (arm64 && !linux)\n\npackage main\n")).toBe(false);
  expect(runner.buildsOnLinuxAmd64("// +build !linux\n// run\n\npackage main\n")).toBe(false);
  expect(runner.buildsOnLinuxAmd64("// +build 386 amd64,linux\n// run\n\npackage main\n")).toBe(true);
  // constraints after "package" are not build constraints
  expect(runner.buildsOnLinuxAmd64("// run\n\npackage main\n//go:build windows\n")).toBe(true);

  const ran = (code: number, out: string) => ({ timedOut: false, parsed: { code }, out });
  expect(runner.classify(ran(0, "ok\n"), "ok\n")).toBe("pass");
  expect(runner.classify(ran(0, "ok\n"), "")).toBe("wrong-output");
  expect(runner.classify(ran(2, "panic: boom\n"), "")).toBe("wrong-output");
  expect(runner.classify(ran(1, "# command-line-arguments\nx.go:3:4: gort: maps not supported yet\n"), "")).toBe("unsupported");
  expect(runner.classify(ran(1, "# command-line-arguments\nx.go:3:4: undefined: y\n"), "")).toBe("not-compiled");
  expect(runner.classify(ran(1, "fail\n"), "")).toBe("wrong-output");
  expect(runner.classify(ran(1, "gort: x.go: invalid program image: native function reflect.unsafe_New is not provided by this runtime\n"), "")).toBe("not-compiled");
  expect(runner.classify({ timedOut: false, parsed: { crash: "TypeError: x" }, out: "" }, "")).toBe("crash");
  expect(runner.classify({ timedOut: false, parsed: null, out: "" }, "")).toBe("crash");
  expect(runner.classify({ timedOut: true, parsed: null, out: "" }, "")).toBe("timeout");

  // the known-failures rules: listed+pass → fixed, unlisted+fail → unlisted, clean → dirty → worse
  const r = (test: string, category: string): Result => ({ test, dirKey: ".", category, reason: "", ms: 0 });
  const known = new Map([
    ["a.go", { category: "unsupported", reason: "" }],
    ["b.go", { category: "unsupported", reason: "" }],
    ["c.go", { category: "unsupported", reason: "" }],
    ["d.go", { category: "wrong-output", reason: "" }],
  ]);
  const cmp = runner.compareKnown([r("a.go", "pass"), r("b.go", "crash"), r("c.go", "not-compiled"), r("d.go", "timeout"), r("e.go", "unsupported"), r("f.go", "pass")], known);
  expect(cmp.fixed.map((x) => x.test)).toEqual(["a.go"]);
  expect(cmp.worse.map((x) => x.test)).toEqual(["b.go"]);
  expect(cmp.changed.map((x) => x.test)).toEqual(["c.go", "d.go"]);
  expect(cmp.unlisted.map((x) => x.test)).toEqual(["e.go"]);
});
