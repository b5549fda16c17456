/**
 * End-to-end: blocking host calls that must not freeze the program (issue 6), through the real
 * `gort run` command path (runfast.ts runCommand, as bin/run.js calls it) in a child process:
 *   - signals: a program using os/signal catches SIGINT/SIGTERM/SIGUSR1/SIGUSR2, ignores
 *     SIGHUP, and after Stop/Reset dies of SIGTERM; a program without os/signal dies of SIGINT
 *     (the shell's 130). The signals are sent when the program prints "send SIG…" lines. The
 *     expected output and ending signal are Go 1.19's (testdata/hostcall/*.out, made by running
 *     the `go build` binary under the same driver).
 *   - stdin: a pipe fed slowly after "ready" parks only the reader; a timer goroutine keeps going.
 *   - 1 000 goroutines sleeping 10 ms finish within 50 ms (timing: up to 3 attempts).
 *
 * The CLI is bundled from the TypeScript sources with esbuild into a temporary directory (runfast
 * plus progworker, which runs programs that use os/signal on a worker thread), so the tests need
 * no build and test the current sources. GORT_CLI=/path/to/bin/run.js tests a build instead.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEsbuild, sourceBundleOptions, srcPath } from "../../../scripts/srcbundle.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const data = path.join(here, "testdata/hostcall");
let cli = process.env.GORT_CLI ?? "";
let tmp = "";

/** Bundles runfast.ts and progworker.ts (as dev-gort.mjs bundles the services) into `dir`. */
function bundleCli(dir: string): string {
  const common = {
    ...sourceBundleOptions(),
    // the dashboard's UI libraries resolve from the CLI's node_modules (linked below)
    external: ["react-devtools-core", "ink", "react", "@opentelemetry/*"],
    banner: { js: "import { createRequire as __gortReq } from 'node:module'; const require = __gortReq(import.meta.url);" },
  };
  const esbuild = findEsbuild();
  esbuild.buildSync({ ...common, entryPoints: [srcPath("cli", "services/runfast.ts")], outfile: path.join(dir, "runfast.js") });
  esbuild.buildSync({ ...common, entryPoints: [srcPath("cli", "services/progworker.ts")], outfile: path.join(dir, "progworker.js") });
  fs.symlinkSync(path.join(root, "packages/cli/node_modules"), path.join(dir, "node_modules"));
  const main = path.join(dir, "run.mjs");
  fs.writeFileSync(
    main,
    `import { runCommand } from "./runfast.js";\nprocess.exitCode = await runCommand(process.argv.slice(3));\n`,
  );
  return main;
}

interface Ran {
  out: string;
  err: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs `gort run prog` (or a Go binary when `bin` is given); sends the signals each "send A,B"
 * output line names (50 ms apart), and feeds `input` lines 200 ms apart after a "ready" line.
 */
function run(prog: string, opts: { input?: string[]; bin?: string } = {}): Promise<Ran> {
  // (the user's image cache: a program compiles once, later runs start in ~1 s)
  const env = { ...process.env, GORT_STDLIB: path.join(root, "packages/stdlib/go") };
  const args = opts.bin !== undefined ? [] : [cli, "run", path.join(data, prog)];
  const ch = spawn(opts.bin ?? process.execPath, args, { env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let pending = "";
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  ch.stderr.on("data", (d: Buffer) => (err += d.toString()));
  ch.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    pending += d.toString();
    let i: number;
    while ((i = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, i);
      pending = pending.slice(i + 1);
      if (line.startsWith("send ")) {
        void (async () => {
          for (const s of line.slice(5).split(",")) {
            await pause(50);
            ch.kill(s as NodeJS.Signals);
          }
        })();
      }
      if (line === "ready" && opts.input !== undefined) {
        const input = opts.input;
        void (async () => {
          for (const l of input) {
            await pause(200);
            ch.stdin.write(l + "\n");
          }
          ch.stdin.end();
        })();
      }
    }
  });
  if (opts.input === undefined) ch.stdin.end();
  return new Promise((resolve) => ch.on("close", (code, signal) => resolve({ out, err, code, signal })));
}

const golden = (name: string): string => fs.readFileSync(path.join(data, name), "utf8");

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gort-hostcall-"));
  if (cli === "") cli = bundleCli(tmp);
}, 60_000);
afterAll(() => {
  if (tmp !== "") fs.rmSync(tmp, { recursive: true, force: true });
});

describe("gort run: host calls never freeze the program", () => {
  it("os/signal: Notify, Ignore, NotifyContext, Stop, Reset; default SIGTERM after Reset", async () => {
    const r = await run("signal_deliver.go");
    expect(r.err).toBe("");
    expect(r.out).toBe(golden("signal_deliver.out"));
    expect(r.signal).toBe("SIGTERM"); // as Go's binary: the shell sees 143
  }, 120_000);

  it("without os/signal, SIGINT ends the program (the shell sees 130)", async () => {
    const r = await run("signal_default.go");
    expect(r.out).toBe(golden("signal_default.out"));
    expect(r.signal).toBe("SIGINT");
  }, 120_000);

  it("a goroutine reading a slow stdin pipe parks; a timer goroutine keeps running", async () => {
    const r = await run("stdin_slow.go", { input: ["a", "b", "c"] });
    expect(r.err).toBe("");
    expect(r.out).toBe(golden("stdin_slow.out"));
    expect(r.code).toBe(0);
  }, 120_000);

  // Needs about 20 ms of CPU within the 50 ms: on a machine whose run queue is several times its
  // core count the program simply does not get it (measured: 54-186 ms at load 11 on 2 cores),
  // so the timing is asserted only on a machine that is not overloaded.
  const overloaded = os.loadavg()[0] > 2 * os.cpus().length;
  if (overloaded) console.warn(`hostcall e2e: load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; the 1 000-sleeper timing test is skipped`);
  it.skipIf(overloaded)("1 000 goroutines sleeping 10 ms finish within 50 ms (up to 3 attempts)", async () => {
    let last: Ran | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      last = await run("sleep_1000.go");
      if (last.out === golden("sleep_1000.out")) break;
    }
    expect(last!.out, `elapsed µs: ${last!.err}`).toBe(golden("sleep_1000.out"));
    expect(last!.code).toBe(0);
  }, 120_000);
});
