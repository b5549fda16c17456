/**
 * runexec.ts — the compiler-free half of `gort run`: command-line splitting (flags, build
 * targets, program arguments) and running a program image on the runtime (scheduler +
 * collector via `runGo`, with the host natives of packages os/syscall). Kept apart from run.ts
 * so the warm path (runfast.ts: cached image → run) never loads the compiler.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { addReflectNatives, hostNatives, runGo, type HostIO, type SandboxPolicy, type Sched } from "@gort/runtime";
import { IMAGE_MAGIC, ImageError, decodeImage, type ProgramImage } from "@gort/runtime/image";
import type { CheckIO } from "./check.js";
import { openRunTrace } from "./runtrace.js";
import { otelOnSched, startOtelFlag } from "./runotel.js";
import { runProfileSetup, writeRunProfiles } from "./runprof.js";

export interface RunIO extends CheckIO {
  /** the program's standard output as text (tests); see stdoutBytes */
  stdout: (s: string) => void;
  /** raw bytes for descriptor 1 (the CLI); when absent, bytes are decoded as UTF-8 into stdout */
  stdoutBytes?: (b: Uint8Array) => void;
  /** raw bytes for descriptor 2; when absent, decoded into stderr */
  stderrBytes?: (b: Uint8Array) => void;
  /** reads the program's standard input; absent = empty input */
  readStdin?: (b: Uint8Array) => number;
  /** show progress lines while compiling (a terminal's stderr only) */
  progress?: boolean;
  /** called with the scheduler before the program starts (watchers: the dashboard's snapshot monitor) */
  onSched?: (sched: Sched) => void;
}

/** `gort run` flags (go run's that make sense here, and gort's diagnostics). */
export interface RunFlags {
  /** -a: rebuild even when a cached image is up to date */
  force: boolean;
  /** --dash: the live dashboard while the program runs (dash.ts) */
  dash?: boolean;
  /** --diag: the diagnostics socket `gort top` attaches to (diag.ts) */
  diag?: boolean;
  /** --sandbox and its --allow-* grants (runtime sandbox.ts) */
  sandbox?: SandboxPolicy;
  /** --cpuprofile/--memprofile/--blockprofile/--mutexprofile FILE: profiles written at exit */
  cpuprofile?: string;
  memprofile?: string;
  blockprofile?: string;
  mutexprofile?: string;
  /** --trace FILE: execution trace of the whole run */
  trace?: string;
  /** --otel=otlp|console: runtime metrics through OpenTelemetry */
  otel?: string;
  /** --gogc, --gomaxprocs, --godebug, --gomemlimit: the same as the environment variables (flags win) */
  gogc?: string;
  gomaxprocs?: string;
  godebug?: string;
  gomemlimit?: string;
}

/** Flags that take a value (`--name VALUE` or `--name=VALUE`; one dash works too, as in go). */
const VALUE_FLAGS = [
  "cpuprofile",
  "memprofile",
  "blockprofile",
  "mutexprofile",
  "trace",
  "otel",
  "gogc",
  "gomaxprocs",
  "godebug",
  "gomemlimit",
] as const;

/** The environment a program runs with: the caller's, with --gogc & co. applied (the program's os.Getenv sees them too). */
export function runEnv(env: Record<string, string | undefined>, flags: RunFlags): Record<string, string | undefined> {
  const set: [string, string | undefined][] = [
    ["GOGC", flags.gogc],
    ["GOMAXPROCS", flags.gomaxprocs],
    ["GODEBUG", flags.godebug],
    ["GOMEMLIMIT", flags.gomemlimit],
  ];
  if (set.every(([, v]) => v === undefined)) return env;
  const out = { ...env };
  for (const [k, v] of set) if (v !== undefined) out[k] = v;
  return out;
}
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name);
}

export type SplitArgs =
  | { build: string[]; progArgs: string[]; flags: RunFlags; error?: undefined }
  | { error: string; status: number };

export const RUN_USAGE = "usage: gort run [build flags] package [arguments...]\nRun 'gort run --help' for details.\n";

/**
 * Splits `gort run` arguments like go run: flags first, then one or more .go files or one
 * package (directory or import path), then the program's arguments.
 */
export function splitRunArgs(args: string[]): SplitArgs {
  let i = 0;
  const flags: RunFlags = { force: false };
  while (i < args.length && args[i].startsWith("-") && args[i] !== "-") {
    const a = args[i++];
    if (a === "--") break;
    if (a === "-a" || a === "--a") {
      flags.force = true;
      continue;
    }
    if (a === "-dash" || a === "--dash") {
      flags.dash = true;
      continue;
    }
    if (a === "-diag" || a === "--diag") {
      flags.diag = true;
      continue;
    }
    const grant = /^--?(sandbox|allow-read|allow-write|allow-net|allow-run|allow-env)(?:=(.*))?$/.exec(a);
    if (grant !== null) {
      const sb = (flags.sandbox ??= { read: [], write: [], net: [], run: false, env: false });
      const list = grant[2] === undefined || grant[2] === "" ? ["*"] : grant[2].split(",").filter((x) => x !== "");
      switch (grant[1]) {
        case "allow-read":
          sb.read = [...sb.read, ...list];
          break;
        case "allow-write":
          sb.write = [...sb.write, ...list];
          break;
        case "allow-net":
          sb.net = [...sb.net, ...list];
          break;
        case "allow-run":
          sb.run = true;
          break;
        case "allow-env":
          sb.env = true;
          break;
      }
      continue;
    }
    const body = a.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    if (!isValueFlag(name)) return { error: `flag provided but not defined: ${a}\n${RUN_USAGE}`, status: 2 };
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (i < args.length) value = args[i++];
    else return { error: `flag needs an argument: ${a}\n${RUN_USAGE}`, status: 2 };
    if (name === "otel" && value !== "otlp" && value !== "console") {
      return { error: `invalid value "${value}" for flag -otel: must be otlp or console\n${RUN_USAGE}`, status: 2 };
    }
    flags[name] = value;
  }
  const build: string[] = [];
  while (i < args.length && args[i].endsWith(".go")) build.push(args[i++]);
  if (build.length === 0) {
    if (i >= args.length) return { error: "gort: no go files listed\n", status: 1 };
    build.push(args[i++]);
  }
  return { build, progArgs: args.slice(i), flags };
}

/** The first line of a `gort build` output: `./prog` runs it through gort on PATH. */
export const IMAGE_SHEBANG = "#!/usr/bin/env -S gort run\n";

/**
 * `gort run IMAGE`: when the one build argument is a file written by `gort build` (it starts
 * with the image magic), its image; null when it is not an image (sources, a package); a
 * status after printing one error line when the image is corrupt or from another gort version.
 */
export function readImageArg(
  build: readonly string[],
  io: { cwd: string; stderr: (s: string) => void },
): { image: ProgramImage; file: string; progName: string } | number | null {
  if (build.length !== 1 || build[0].endsWith(".go")) return null;
  const file = path.resolve(io.cwd, build[0]);
  let bytes: Buffer;
  try {
    if (!fs.statSync(file).isFile()) return null;
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  // `gort build` output starts with a #! line (IMAGE_SHEBANG) so the file runs by itself
  let start = 0;
  if (bytes[0] === 0x23 && bytes[1] === 0x21) {
    const nl = bytes.indexOf(0x0a);
    if (nl < 0 || nl > 256) return null;
    start = nl + 1;
  }
  if (bytes.subarray(start, start + 7).toString("latin1") !== IMAGE_MAGIC.slice(0, 7)) return null;
  try {
    const image = decodeImage(new Uint8Array(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start), build[0]);
    return { image, file, progName: path.basename(file) };
  } catch (e) {
    if (e instanceof ImageError) {
      io.stderr(`gort: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** The name `go run` gives the program (os.Args[0]'s base): first file's name, else the package's last path element. */
export function programName(build: readonly string[], importPath: string, dir: string): string {
  if (build[0]?.endsWith(".go")) return path.basename(build[0], ".go");
  const elems = (importPath === "command-line-arguments" ? dir : importPath).split(/[/\\]/).filter((e) => e !== "");
  let last = elems[elems.length - 1] ?? "main";
  // a major-version suffix is not the name: example.com/x/v2 → x
  if (/^v[0-9]+$/.test(last) && elems.length > 1) last = elems[elems.length - 2];
  return last;
}

/** os.Args[0]: go run's binary lives in a temporary build directory; gort shows the same shape. */
export function programPath(name: string): string {
  return path.join(os.tmpdir(), "gort-build", "exe", name);
}

function envList(env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out.push(`${k}=${v}`);
  return out;
}

/** Sink for one descriptor: raw bytes when the IO takes them, else streaming UTF-8 text. */
function byteSink(bytes: ((b: Uint8Array) => void) | undefined, text: (s: string) => void): (b: Uint8Array) => void {
  if (bytes !== undefined) return bytes;
  const dec = new TextDecoder("utf-8");
  return (b) => {
    const s = dec.decode(b, { stream: true });
    if (s !== "") text(s);
  };
}

/**
 * Runs a compiled program: `file` names the program in load errors; `progName` and `progArgs`
 * make os.Args. Returns the exit status (the program's; 2 after a panic or fatal error).
 */
export function execImage(
  image: ProgramImage,
  file: string,
  progName: string,
  progArgs: readonly string[],
  io: RunIO,
  flags: RunFlags = { force: false },
): number {
  const env = runEnv(io.env, flags);
  const host: HostIO = {
    args: [programPath(progName), ...progArgs],
    env: envList(env),
    write: (() => {
      const out = byteSink(io.stdoutBytes, io.stdout);
      const err = byteSink(io.stderrBytes, io.stderr);
      return (fd: 1 | 2, b: Uint8Array) => (fd === 1 ? out(b) : err(b));
    })(),
    readStdin: io.readStdin,
  };
  const natives = hostNatives(host);
  addReflectNatives(natives);
  // --otel: runtime metrics exported through OpenTelemetry from a worker thread (runotel.ts)
  const otel = flags.otel !== undefined ? startOtelFlag(flags.otel, env, io.stderr) : null;
  if (typeof otel === "string") {
    io.stderr(otel + RUN_USAGE);
    return 2;
  }
  const trace = flags.trace !== undefined ? openRunTrace(flags.trace) : null; // --trace (runtrace.ts)
  if (typeof trace === "string") {
    otel?.finish();
    io.stderr(`gort: ${trace}\n`);
    return 1;
  }
  try {
    const res = runGo(image, {
      write: io.stderr,
      file,
      GOGC: env.GOGC,
      GODEBUG: env.GODEBUG,
      GOMAXPROCS: env.GOMAXPROCS,
      gomaxprocs: os.availableParallelism(), // Go's default: the CPU count (GOMAXPROCS overrides)
      GOMEMLIMIT: env.GOMEMLIMIT,
      natives,
      onSched: otelOnSched(otel, trace === null ? io.onSched : (s) => (trace.start(s), io.onSched?.(s))),
      profile: runProfileSetup(flags, programPath(progName)), // --cpuprofile etc. (runprof.ts)
      sandbox: flags.sandbox, // --sandbox (runtime sandbox.ts)
    });
    res.vm.flushPrint();
    trace?.stop(); // footer and stack table now; the finally below only closes after a failure
    return writeRunProfiles(flags, res, io.cwd, io.stderr, res.exitCode); // runprof.ts
  } catch (e) {
    // an image the runtime cannot bind (a native it lacks) or a corrupt cached image
    if (e instanceof ImageError) {
      io.stderr(`gort: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    trace?.stop();
    otel?.finish(); // final snapshot and export, bounded wait (runotel.ts)
  }
}
