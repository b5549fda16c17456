/**
 * `gort run [flags] FILE.go…|DIR [args...]`: load and type-check the main package (the same
 * loader as `gort check`), compile it to a program image (compiler back end) and run it on
 * gort's VM (`runProgram`). The exit status is the program's (2 after a panic or fatal error);
 * compile errors print as `file.go:L:C: msg` under a `# package` line, as `go run` does, with
 * exit status 1.
 *
 * Arguments: flags first (none yet besides `--`), then either one directory or one or more
 * .go files, then the program's arguments (not yet visible to programs: os.Args needs the
 * stdlib's os package, which the back end does not compile yet).
 */
import * as path from "node:path";
import { compileProgram, formatDiagnostic, loadPackages, types } from "@gort/compiler";
import { ZEROBASE, roundupsize, runProgram, type NativeFn } from "@gort/runtime";
import { validateImage } from "@gort/runtime/image";
import { type CheckIO, displayPath, packageReport } from "./check.js";

export interface RunIO extends CheckIO {
  /** the program's standard output (unused until the stdlib's os package runs) */
  stdout: (s: string) => void;
}

/** Splits `gort run` arguments into the Go files or directory to build and the program's arguments. */
export function splitRunArgs(args: string[]): { build: string[]; progArgs: string[]; error?: string } {
  let i = 0;
  while (i < args.length && args[i].startsWith("-") && args[i] !== "-") {
    if (args[i] === "--") {
      i++;
      break;
    }
    return { build: [], progArgs: [], error: `gort run: unknown flag ${args[i]}` };
  }
  const build: string[] = [];
  while (i < args.length && args[i].endsWith(".go")) build.push(args[i++]);
  if (build.length === 0) {
    if (i >= args.length) return { build: [], progArgs: [], error: "gort run: no go files listed" };
    build.push(args[i++]);
  }
  return { build, progArgs: args.slice(i) };
}

/** Runs `gort run args...`; returns the exit status. */
export function runRun(args: string[], io: RunIO): number {
  const split = splitRunArgs(args);
  if (split.error !== undefined) {
    io.stderr(split.error + "\n");
    return 1;
  }
  const goroot = io.env.GOROOT;
  const result = loadPackages(split.build, {
    cwd: io.cwd,
    goroot: goroot === "" ? undefined : goroot,
    errorLimit: 10,
    keepSyntax: true,
    makeInfo: () => new types.Info(),
    progress: false,
  });
  const fset = result.loader.fset;
  const fmt = (d: { pos: number; msg: string }): string => {
    const s = formatDiagnostic(fset, d);
    const file = fset.position(d.pos).filename;
    return file !== "" && s.startsWith(`${file}:`) ? displayPath(file, io.cwd) + s.slice(file.length) : s;
  };
  const lines: string[] = [];
  for (const d of result.diagnostics) {
    lines.push(d.file !== undefined ? `${path.relative(io.cwd, d.file) || d.file}:${d.line ?? 0}:${d.column ?? 0}: ${d.msg}` : d.msg);
  }
  for (const pkg of result.loader.allPackages()) {
    for (const e of pkg.loadErrors) lines.push(e.msg);
    lines.push(...packageReport(pkg, fmt));
  }
  if (lines.length > 0) {
    io.stderr(lines.join("\n") + "\n");
    return 1;
  }
  const pkg = result.packages[0];
  if (pkg === undefined) {
    io.stderr("gort run: no packages to run\n");
    return 1;
  }
  const compiled = compileProgram(pkg, fset);
  if (compiled.image === null) {
    io.stderr([`# ${pkg.importPath}`, ...compiled.errors.map(fmt)].join("\n") + "\n");
    return 1;
  }
  // a malformed image is a gort bug: stop with a clear message rather than misbehave
  validateImage(compiled.image, pkg.fileNames[0] ?? "<image>");
  const res = runProgram(compiled.image, { write: io.stderr, file: pkg.fileNames[0], natives: bridgeNatives });
  res.vm.flushPrint();
  return res.exitCode;
}

/**
 * runtime.growslice(elemType, ptr, len, cap, newLen) → (ptr, len, cap): Go 1.19's capacity
 * policy (double below 256 elements, then grow by (cap + 3·256)/4 until it fits; round the
 * byte size up to the allocator's size class) and a copy of the old elements.
 *
 * TEMPORARY BRIDGE: this belongs to the runtime (packages/compiler/src/codegen/REQUESTS.md);
 * it lives here until runProgram provides it. It copies without write barriers, which is
 * correct only while no collection runs concurrently (true of runProgram today).
 */
const growslice: NativeFn = (vm, _g, args, res) => {
  const mem = vm.heap.mem;
  const typ = mem.u32[args >>> 2];
  const oldPtr = mem.u32[(args + 8) >>> 2];
  const oldLen = Number(mem.i64[(args + 16) >>> 3]);
  const oldCap = Number(mem.i64[(args + 24) >>> 3]);
  const newLen = Number(mem.i64[(args + 32) >>> 3]);
  const size = mem.u32[typ >>> 2];
  let newcap = oldCap;
  const doublecap = oldCap + oldCap;
  if (newLen > doublecap) newcap = newLen;
  else if (oldCap < 256) newcap = doublecap;
  else {
    while (newcap > 0 && newcap < newLen) newcap += Math.floor((newcap + 3 * 256) / 4);
    if (newcap <= 0) newcap = newLen;
  }
  let p: number;
  if (size === 0) {
    p = oldPtr !== 0 ? oldPtr : ZEROBASE;
  } else {
    const bytes = roundupsize(newcap * size);
    newcap = Math.floor(bytes / size);
    p = vm.heap.mallocgc(bytes, typ, true);
    const m = vm.heap.mem;
    if (oldLen > 0) m.move(p, oldPtr, oldLen * size);
  }
  const m = vm.heap.mem;
  m.u32[res >>> 2] = p;
  m.u32[(res >>> 2) + 1] = 0;
  m.i64[(res + 8) >>> 3] = BigInt(oldLen);
  m.i64[(res + 16) >>> 3] = BigInt(newcap);
};

const bridgeNatives: ReadonlyMap<string, NativeFn> = new Map([["runtime.growslice", growslice]]);
