/**
 * `gort run [flags] FILE.go…|DIR|PKG [args...]`, like `go run`: load and type-check the main
 * package and everything it imports (the same loader as `gort check`; the standard library is
 * gort's own packages/stdlib/go unless GOROOT is set), compile the whole program into one
 * image (codegen/compile.ts), cache it on disk (runcache.ts), and run it on gort's scheduler
 * with the garbage collector (`runGo`; GOGC and GODEBUG come from the environment) with the
 * host natives of package os (runexec.ts: os.Args, environment, stdout/stderr, stdin, files).
 *
 * Exit status: the program's (os.Exit's code; 2 after a panic or fatal error). Unlike go run,
 * which reports a failing program as "exit status N" and exits 1, gort passes the status
 * through (tests compare it with the built Go binary's). Compile errors print as
 * `file.go:L:C: msg` under a `# package` line, exit 1; an unknown flag prints go's
 * "flag provided but not defined" and usage, exit 2; missing files print go's `stat x.go: no
 * such file or directory`, exit 1.
 *
 * Flags (before the program): `-a` recompiles even when the cache is up to date; `--` ends
 * the flags. Environment: GORTCACHE (cache directory, "off" disables), GORT_STDLIB (gort's
 * stdlib directory, for bundled builds), GOROOT.
 *
 * The warm path (cached image) is runfast.ts, which does not load the compiler; this module
 * is the full path and what tests call.
 */
import * as path from "node:path";
import { compileProgram, formatDiagnostic, loadPackages, types, type LoadedPackage } from "@gort/compiler";
import { validateImage, type ProgramImage } from "@gort/runtime/image";
import { displayPath, packageReport, type CheckIO } from "./check.js";
import { cacheDir, cacheKey, cacheLookup, cacheStore, collectDeps } from "./runcache.js";
import { execImage, programName, readImageArg, splitRunArgs, type RunIO, type SplitArgs } from "./runexec.js";

export { splitRunArgs, type RunIO } from "./runexec.js";

/** Packages reachable from main (main first), for recording the cache's inputs. */
function allDeps(main: LoadedPackage): LoadedPackage[] {
  const out: LoadedPackage[] = [];
  const seen = new Set<LoadedPackage>();
  const visit = (p: LoadedPackage): void => {
    if (seen.has(p)) return;
    seen.add(p);
    out.push(p);
    for (const d of p.imports.values()) visit(d);
  };
  visit(main);
  return out;
}

/** A compiled main package: the image and what `gort run` needs to run and cache it. */
export interface BuiltProgram {
  image: ProgramImage;
  /** the first source file (names the program in load errors) */
  file: string;
  /** os.Args[0]'s base name, as go run / go build name the program */
  progName: string;
  /** package directories and files read (the cache's inputs) */
  deps: { dir: string; fileNames: readonly string[]; modFile?: string }[];
}

/** The loader's options for building programs (gort run, build and test) in io's environment. */
export function programLoadOptions(io: CheckIO & { progress?: boolean }) {
  return {
    cwd: io.cwd,
    goroot: io.env.GOROOT === "" ? undefined : io.env.GOROOT,
    stdlibRoot: io.env.GORT_STDLIB === "" ? undefined : io.env.GORT_STDLIB,
    errorLimit: 10,
    keepSyntax: true,
    makeInfo: () => new types.Info(),
    progress: io.progress === true, // a line on a terminal's stderr after ~1 s (never in pipes)
    linkRuntime: true, // every program links package runtime (its run-time error types)
  };
}

/**
 * Loads, type-checks and compiles the main package named by `build` (files, a directory or an
 * import path) into one image. Diagnostics go to io.stderr as go build prints them; the result
 * is then an exit status (1).
 */
export function buildProgram(build: readonly string[], io: CheckIO & { progress?: boolean }): BuiltProgram | number {
  const started = Date.now();
  const result = loadPackages([...build], programLoadOptions(io));
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
    io.stderr("gort: no packages to run\n");
    return 1;
  }
  if (pkg.name !== "main") {
    // go run's wording for a library package
    io.stderr(`package ${pkg.importPath} is not a main package\n`);
    return 1;
  }
  // code generation is one synchronous pass: one line while it runs, when loading was already slow
  const showCompile = io.progress === true && process.stderr.isTTY === true && Date.now() - started > 1000;
  if (showCompile) process.stderr.write(`\r\x1b[Kgort: compiling ${pkg.importPath} and ${result.loader.allPackages().length - 1} packages it imports…`);
  const compiled = compileProgram(pkg, fset);
  if (showCompile) process.stderr.write("\r\x1b[K");
  if (compiled.image === null) {
    // group diagnostics under the package that holds them, as go build does
    const byPkg = new Map<string, string[]>();
    for (const d of compiled.errors) {
      const file = fset.position(d.pos).filename;
      const owner = allDeps(pkg).find((p) => p.fileNames.includes(file)) ?? pkg;
      const list = byPkg.get(owner.importPath) ?? [];
      list.push(fmt(d));
      byPkg.set(owner.importPath, list);
    }
    const out: string[] = [];
    for (const [ip, ls] of byPkg) out.push(`# ${ip}`, ...ls);
    io.stderr(out.join("\n") + "\n");
    return 1;
  }
  const file = pkg.fileNames[0] ?? "<image>";
  // a malformed image is a gort bug: stop with a clear message rather than misbehave
  validateImage(compiled.image, file);
  return {
    image: compiled.image,
    file,
    progName: programName(build, pkg.importPath, pkg.dir),
    deps: allDeps(pkg).map((p) => ({ dir: p.dir, fileNames: p.fileNames, modFile: p.module?.file })),
  };
}

/** The program `gort run` would run, and where it came from (for os.Args and load errors). */
export interface RunnableImage {
  image: ProgramImage;
  file: string;
  progName: string;
}

/**
 * The image for a `gort run` command line: an image file named directly, the cache's entry
 * when it is up to date (not with -a or `skipLookup`), else a fresh compile (stored in the
 * cache). A status after printing diagnostics when it does not compile.
 */
export function obtainImage(split: Extract<SplitArgs, { error?: undefined }>, io: RunIO, skipLookup = false): RunnableImage | number {
  const img = readImageArg(split.build, io);
  if (img !== null) return img;
  const stdlibRoot = io.env.GORT_STDLIB === "" ? undefined : io.env.GORT_STDLIB;
  const cdir = cacheDir(io);
  const key = cdir !== null ? cacheKey(split.build, io, stdlibRoot ?? "") : "";
  if (cdir !== null && !split.flags.force && !skipLookup) {
    const hit = cacheLookup(cdir, key);
    if (hit !== null) return { image: hit.image, file: path.resolve(io.cwd, split.build[0]), progName: hit.progName };
  }
  const built = buildProgram(split.build, io);
  if (typeof built === "number") return built;
  if (cdir !== null) cacheStore(cdir, key, built.image, collectDeps(built.deps, built.progName, split.build[0].endsWith(".go")));
  return built;
}

/** Runs `gort run args...`; returns the exit status. `skipLookup`: the caller already missed the cache. */
export function runRun(args: string[], io: RunIO, skipLookup = false): number {
  const split = splitRunArgs(args);
  if (split.error !== undefined) {
    io.stderr(split.error);
    return split.status;
  }
  const img = obtainImage(split, io, skipLookup);
  if (typeof img === "number") return img;
  return execImage(img.image, img.file, img.progName, split.progArgs, io, split.flags);
}
