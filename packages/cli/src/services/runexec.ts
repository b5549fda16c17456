/**
 * runexec.ts — the compiler-free half of `gort run`: command-line splitting (flags, build
 * targets, program arguments) and running a program image on the runtime (scheduler +
 * collector via `runGo`, with the host natives of packages os/syscall). Kept apart from run.ts
 * so the warm path (runfast.ts: cached image → run) never loads the compiler.
 */
import * as os from "node:os";
import * as path from "node:path";
import { addReflectNatives, hostNatives, runGo, type HostIO } from "@gort/runtime";
import { ImageError, type ProgramImage } from "@gort/runtime/image";
import type { CheckIO } from "./check.js";

export interface RunIO extends CheckIO {
  /** the program's standard output as text (tests); see stdoutBytes */
  stdout: (s: string) => void;
  /** raw bytes for descriptor 1 (the CLI); when absent, bytes are decoded as UTF-8 into stdout */
  stdoutBytes?: (b: Uint8Array) => void;
  /** raw bytes for descriptor 2; when absent, decoded into stderr */
  stderrBytes?: (b: Uint8Array) => void;
  /** reads the program's standard input; absent = empty input */
  readStdin?: (b: Uint8Array) => number;
}

/** `gort run` flags (go run's that make sense here, and gort's diagnostics). */
export interface RunFlags {
  /** -a: rebuild even when a cached image is up to date */
  force: boolean;
  /** --cpuprofile/--memprofile/--blockprofile/--mutexprofile FILE: profiles written at exit */
  cpuprofile?: string;
  memprofile?: string;
  blockprofile?: string;
  mutexprofile?: string;
  /** --trace FILE: execution trace of the whole run */
  trace?: string;
  /** --otel=otlp|console: runtime metrics through OpenTelemetry */
  otel?: string;
}

/** Flags that take a value (`--name VALUE` or `--name=VALUE`; one dash works too, as in go). */
const VALUE_FLAGS = ["cpuprofile", "memprofile", "blockprofile", "mutexprofile", "trace", "otel"] as const;
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
    const body = a.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    if (!isValueFlag(name)) return { error: `flag provided but not defined: ${a}\n${RUN_USAGE}`, status: 2 };
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (i < args.length) value = args[i++];
    else return { error: `flag needs an argument: ${a}\n${RUN_USAGE}`, status: 2 };
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
  const host: HostIO = {
    args: [programPath(progName), ...progArgs],
    env: envList(io.env),
    write: (() => {
      const out = byteSink(io.stdoutBytes, io.stdout);
      const err = byteSink(io.stderrBytes, io.stderr);
      return (fd: 1 | 2, b: Uint8Array) => (fd === 1 ? out(b) : err(b));
    })(),
    readStdin: io.readStdin,
  };
  const natives = hostNatives(host);
  addReflectNatives(natives);
  try {
    const res = runGo(image, {
      write: io.stderr,
      file,
      GOGC: io.env.GOGC,
      GODEBUG: io.env.GODEBUG,
      GOMAXPROCS: io.env.GOMAXPROCS,
      natives,
    });
    res.vm.flushPrint();
    return res.exitCode;
  } catch (e) {
    // an image the runtime cannot bind (a native it lacks) or a corrupt cached image
    if (e instanceof ImageError) {
      io.stderr(`gort: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
