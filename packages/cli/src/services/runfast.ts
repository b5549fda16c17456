/**
 * runfast.ts — `gort run` as the CLI runs it: bin/run.js calls `runCommand` directly (no oclif,
 * whose startup alone costs ~250 ms) so a cached program starts in about the time Node takes
 * to load the runtime. On a cache hit only the runtime and the image format are loaded; on a
 * miss the compiler is imported (run.ts) and the program compiled and cached.
 *
 * Output goes straight to descriptors 1 and 2 with synchronous writes, so program output,
 * print/println and panic text keep their order, and nothing is lost when the program exits.
 * A bug in gort prints one "internal error" line (the JS stack only with GORT_TRACEBACK=1),
 * never a JavaScript stack trace by default.
 */
import * as path from "node:path";
import { processHostIO, setDirectStdio } from "@gort/runtime";
import { cacheDir, cacheKey, cacheLookup } from "./runcache.js";
import { readImageArg, splitRunArgs, type RunIO } from "./runexec.js";
import { execAny } from "./runsignal.js";
import { reportInternalError } from "./internalerror.js";

/** Runs `gort run args...` for the real process; resolves to the exit status. */
export async function runCommand(args: string[]): Promise<number> {
  const host = processHostIO([]);
  setDirectStdio(true); // output goes straight to fds 1/2: children inherit them (runtime hostproc.ts)
  const enc = new TextEncoder();
  const io: RunIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => host.write(1, enc.encode(s)),
    stderr: (s) => host.write(2, enc.encode(s)),
    stdoutBytes: (b) => host.write(1, b),
    stderrBytes: (b) => host.write(2, b),
    readStdin: host.readStdin,
    progress: process.stderr.isTTY === true,
  };
  try {
    const split = splitRunArgs(args);
    let missed = false;
    if (split.error === undefined && (split.flags.dash === true || split.flags.diag === true)) {
      const { obtainImage } = await import("./run.js");
      const img = obtainImage(split, io);
      if (typeof img === "number") return img;
      const { runWatched } = await import("./dash.js");
      const out = process.stdout;
      const tty = out.isTTY && process.stdin.isTTY && process.env.TERM !== "dumb" ? { columns: out.columns, rows: out.rows, stdin: process.stdin, stdout: out } : null;
      return await runWatched(img, split.progArgs, split.flags, { ...io, tty });
    }
    if (split.error === undefined) {
      const img = readImageArg(split.build, io);
      if (typeof img === "number") return img;
      if (img !== null) return await execAny(img.image, img.file, img.progName, split.progArgs, io, split.flags);
    }
    if (split.error === undefined && !split.flags.force) {
      const cdir = cacheDir(io);
      if (cdir !== null) {
        const stdlibRoot = io.env.GORT_STDLIB === "" ? undefined : io.env.GORT_STDLIB;
        const hit = cacheLookup(cdir, cacheKey(split.build, io, stdlibRoot ?? ""));
        if (hit !== null) return await execAny(hit.image, path.resolve(io.cwd, split.build[0]), hit.progName, split.progArgs, io, split.flags);
        missed = true;
      }
    }
    const { runRun, obtainImage } = await import("./run.js");
    if (split.error === undefined) {
      // (runRun's steps, with a program that uses os/signal run on a worker: runsignal.ts)
      const img = obtainImage(split, io, missed);
      if (typeof img === "number") return img;
      return await execAny(img.image, img.file, img.progName, split.progArgs, io, split.flags);
    }
    return runRun(args, io, missed);
  } catch (e) {
    return reportInternalError(io, e);
  }
}
