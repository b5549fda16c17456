/**
 * End-to-end: every *.go here is compiled by gort's back end and run on gort's VM through the
 * CLI's `runRun` service (in-process); stdout, stderr and the exit status must equal what
 * Go 1.19 produced (prog.out, prog.err, prog.exit — made with `go build` + run, see HACKING.md
 * in src/codegen). Programs whose expected stderr starts with "# " are compile-error tests:
 * their .err holds gort's expected diagnostics (Go itself accepts them) and .exit is 1.
 * Expected stderr files name this directory as "$DIR" (gen.sh writes them that way), so the
 * tests pass in any checkout.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const { runRun } = await import("../../../cli/src/services/run.js");
const { TestBundles } = await import("../../../runtime/src/mworker.testutil.js");

const dir = path.dirname(fileURLToPath(import.meta.url));
const progs = fs.readdirSync(dir).filter((f) => f.endsWith(".go")).sort();

function read(f: string): string {
  return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "";
}

/**
 * Panic tests (panic_*.go, and every program whose expected exit status is 2) compare the message and the traceback's frames and file:line lines;
 * argument words and "+0x" pc offsets are machine-specific (and Go elides arguments of inlined
 * frames), so they are normalised away.
 */
function traceShape(s: string): string {
  return s
    .split("\n")
    .map((l) => l.replace(/ \+0x[0-9a-f]+$/, "").replace(/^([\w.*()[\]]+?)\((?:\.\.\.|[^)]*)\)$/, "$1(…)"))
    .map((l) => l.replace(/ pc=0x[0-9a-f]+\]$/, "]"))
    .join("\n");
}

describe("gort run", () => {
  // GOMAXPROCS defaults to the CPU count, as in Go: goroutines that compute go to worker-thread
  // Ms, which need the M entry bundled (Node cannot start a worker on .ts)
  const bundles = new TestBundles();
  beforeAll(() => bundles.useMWorker());
  afterAll(() => bundles.done());
  for (const p of progs) {
    test(p, async () => {
      // each program runs synchronously: let the worker's event loop turn first, so vitest's
      // RPC (task updates) is not starved by a long chain of synchronous tests
      await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
      const base = path.join(dir, p.slice(0, -3));
      let out = "";
      let err = "";
      const code = runRun([p], {
        cwd: dir,
        env: {},
        stdout: (s) => void (out += s),
        stderr: (s) => void (err += s),
      });
      err = err.split(dir).join("$DIR");
      // (tracebacks of panics and fatal errors, e.g. chan_deadlock: exit status 2)
      if (p.startsWith("panic_") || read(base + ".exit").trim() === "2") expect(traceShape(err)).toBe(traceShape(read(base + ".err")));
      else expect(err).toBe(read(base + ".err"));
      expect(out).toBe(read(base + ".out"));
      expect(code).toBe(Number(read(base + ".exit").trim() || "0"));
    });
  }
});
