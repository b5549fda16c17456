/**
 * Test support for the worker-thread M tests (mthreads, mgcthreads, mprocs, mfast): Node cannot
 * load .ts in a worker, so the tests bundle a module with esbuild (scripts/srcbundle.mjs) and
 * start workers on the bundle. Not part of the build (tsconfig excludes *.testutil.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { findEsbuild } from "../../../scripts/srcbundle.mjs";
import { setMWorkerURLForTest } from "./mserver.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A directory of bundles for one test file; `done()` removes it. */
export class TestBundles {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-mtest-"));

  /** Bundles `contents` (a module beside this file, e.g. `import "./mworker.ts";`); returns its path. */
  bundle(name: string, contents: string): string {
    const out = path.join(this.dir, `${name}.mjs`);
    findEsbuild().buildSync({ stdin: { contents, resolveDir: here, loader: "ts" }, bundle: true, platform: "node", format: "esm", target: "node20", outfile: out, logLevel: "error" });
    return out;
  }

  /** Bundles the real M entry (mworker.ts) and has the runtime server start its workers on it. */
  useMWorker(): void {
    setMWorkerURLForTest(pathToFileURL(this.bundle("mworker", `import "./mworker.ts";`)));
  }

  done(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
