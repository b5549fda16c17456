/**
 * `gort check`: load and type-check Go packages and print what is wrong, the way `go build`
 * prints compiler errors:
 *
 *   # example.com/m/sub                  one header line per package with errors
 *   sub/s.go:3:13: cannot use ...        file:LINE:COL: message, sorted by position
 *   ./main.go:13:16: too many errors     after the 10th error of a package (gc's limit)
 *
 * File names are relative to the current directory as go shows them: "./x.go" for a file in the
 * current directory, otherwise the relative path when it is shorter than the absolute one.
 * Problems finding packages (missing imports, cycles, internal packages) print without a
 * header, as go prints them. Output goes to stderr; the exit status is 1 when an error was
 * reported, 0 (and no output) when everything checks; a pattern matching no packages only
 * prints go's warning (status 0, as go).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type LoadError, type LoadedPackage, formatDiagnostic, loadPackages } from "@gort/compiler";
import { reportInternalError } from "./internalerror.js";

/** Where the command writes, and the directory and environment it runs in. */
export interface CheckIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stderr: (s: string) => void;
}

/** gc stops after this many errors per package and prints "too many errors". */
export const ERROR_LIMIT = 10;

/** Go's way of showing a file name: "./x.go" in the current directory, else the shorter of relative and absolute. */
export function displayPath(file: string, cwd: string): string {
  if (file === "" || !path.isAbsolute(file)) return file;
  if (path.dirname(file) === cwd) return `./${path.basename(file)}`;
  const rel = path.relative(cwd, file);
  return rel.length < file.length ? rel : file;
}

/**
 * How the go command shows a file in its own (load-time) errors: like displayPath, but a file in
 * the current directory is plain "x.go" (only the compiler's errors say "./x.go").
 */
export function loadErrorPath(file: string, cwd: string): string {
  const p = displayPath(file, cwd);
  return p.startsWith("./") ? p.slice(2) : p;
}

function formatLoadError(e: LoadError, cwd: string): string {
  if (e.importStack !== undefined && e.importStack.length > 0) {
    const [first, ...rest] = e.importStack;
    const lines = [`package ${first}`, ...rest.map((p) => `\timports ${p}`)];
    lines[lines.length - 1] += `: ${e.msg}`;
    return lines.join("\n");
  }
  if (e.file !== undefined) return `${loadErrorPath(e.file, cwd)}:${e.line ?? 0}:${e.column ?? 0}: ${e.msg}`;
  return e.msg;
}

/** The lines reporting one package's syntax and type errors (empty when it has none). */
export function packageReport(pkg: LoadedPackage, fmt: (d: LoadedPackage["errors"][number]) => string): string[] {
  if (pkg.errors.length === 0) return [];
  const out = [`# ${pkg.importPath}`];
  const shown = pkg.errors.slice(0, ERROR_LIMIT);
  for (const d of shown) out.push(fmt(d));
  // gc prints this when it reaches the 10th error, at that error's position
  if (pkg.errors.length >= ERROR_LIMIT) out.push(fmt({ ...shown[shown.length - 1], msg: "too many errors" }));
  return out;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Runs `gort check args...`; returns the exit status. */
export function runCheck(args: string[], io: CheckIO): number {
  const goroot = io.env.GOROOT;
  if (goroot !== undefined && goroot !== "" && !isDirectory(path.resolve(io.cwd, goroot))) {
    io.stderr(`gort: cannot find GOROOT directory: ${goroot}\n`);
    return 1;
  }
  const result = loadPackages(args, { cwd: io.cwd, goroot: goroot === "" ? undefined : goroot, errorLimit: ERROR_LIMIT });
  const lines: string[] = [];
  // a pattern that matched nothing is only a warning: go prints it and still exits 0
  let failed = false;
  for (const d of result.diagnostics) {
    if (!d.msg.startsWith("warning: ")) failed = true;
    lines.push(formatLoadError(d, io.cwd));
  }
  const fset = result.loader.fset;
  // formatDiagnostic decides gc's position form (no column from column 255 on); only the file
  // name at its start is rewritten the way go shows it
  const fmt = (d: LoadedPackage["errors"][number]): string => {
    const s = formatDiagnostic(fset, d);
    const file = fset.position(d.pos).filename;
    return file !== "" && s.startsWith(`${file}:`) ? displayPath(file, io.cwd) + s.slice(file.length) : s;
  };
  for (const pkg of result.loader.allPackages()) {
    for (const e of pkg.loadErrors) lines.push(formatLoadError(e, io.cwd));
    lines.push(...packageReport(pkg, fmt));
    if (pkg.loadErrors.length > 0 || pkg.errors.length > 0) failed = true;
  }
  if (lines.length > 0) io.stderr(lines.join("\n") + "\n");
  return failed ? 1 : 0;
}

/**
 * Runs `fn`, turning an unexpected exception (a bug in gort, never a problem with the user's
 * program) into one "internal error" message instead of a JavaScript stack trace. The stack is
 * printed only when GORT_TRACEBACK is set, for the bug report.
 */
export function withInternalErrorHandler(io: CheckIO, fn: () => number): number {
  try {
    return fn();
  } catch (e) {
    return reportInternalError(io, e);
  }
}
