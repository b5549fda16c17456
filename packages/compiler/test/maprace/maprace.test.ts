/**
 * End-to-end: Go's "concurrent map writes" under worker-thread Ms (runtime mmaprace.ts), through
 * the CLI's `runRun` service at GOMAXPROCS=2. Two goroutines computing between map writes run on
 * the two Ms, and their writes to one map overlap in time: Go 1.19 dies of
 *   fatal error: concurrent map writes
 * with the writing goroutine's traceback and every other goroutine's (exit status 2), as gort
 * must. Which goroutine reports, and the others' states, vary from run to run in Go too, so the
 * test checks the report's shape. The same work with every map access under a sync.Mutex or
 * sync.RWMutex must never report (Go's output: "3200 9").
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const { runRun } = await import("../../../cli/src/services/run.js");
const { TestBundles } = await import("../../../runtime/src/mworker.testutil.js");

const dir = path.dirname(fileURLToPath(import.meta.url));

function run(file: string): { out: string; err: string; code: number } {
  let out = "";
  let err = "";
  const code = runRun([file], { cwd: dir, env: { GOMAXPROCS: "2" }, stdout: (s) => void (out += s), stderr: (s) => void (err += s) }) as number;
  return { out, err, code };
}

describe("concurrent map writes (GOMAXPROCS=2)", () => {
  const bundles = new TestBundles();
  beforeAll(() => bundles.useMWorker());
  afterAll(() => bundles.done());

  test("two goroutines writing one map at once: Go's fatal error and report", async () => {
    await new Promise((r) => setTimeout(r, 250)); // (vitest's RPC before a synchronous stretch: run.test.ts)
    const r = run("racy.go");
    expect(r.out).toBe("");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^fatal error: concurrent map writes\n\ngoroutine \d+ \[running\]:\nmain\.main\.func1\(0x[01]\)\n\t\S+racy\.go:19 \+0x[0-9a-f]+\ncreated by main\.main\n\t\S+racy\.go:17 \+0x[0-9a-f]+\n/);
    // main waits; the other writer is reported too (running on the other M, or runnable)
    expect(r.err).toMatch(/\ngoroutine 1 \[chan receive\]:\nmain\.main\(\)\n/);
    expect(r.err.match(/\ncreated by main\.main\n/g)?.length).toBe(2);
  }, 120_000);

  test("the same maps behind a Mutex and an RWMutex: no report, Go's output", async () => {
    await new Promise((r) => setTimeout(r, 250));
    const r = run("locked.go");
    expect(r.err).toBe("");
    expect(r.out).toBe("3200 9\n");
    expect(r.code).toBe(0);
  }, 120_000);
});
