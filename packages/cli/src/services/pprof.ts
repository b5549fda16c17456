/**
 * `gort pprof [flags] PROFILE...`: reports on pprof profiles (gort's or Go's own), like
 * `go tool pprof`: one report when a report flag is given, else the interactive shell
 * (pprofshell.ts).
 *
 * Flags are parsed as Go's flag package does, so go tool pprof command lines work unchanged:
 * "-top" and "--top" are the same flag, values are given as "-flag=value" or "-flag value", and
 * flag parsing stops at the first non-flag argument (or "--"). Several profiles are merged.
 *
 * Output: the report on stdout; pprof's warnings ("Focus expression matched no samples") on
 * stderr. Errors are one line, "gort pprof: <what>" (naming the file for unreadable or corrupt
 * profiles), with exit status 1; a bad command line prints the problem and the usage with exit
 * status 2. Anything else is a bug in gort, reported by withInternalErrorHandler.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  decodeProfile,
  defaultReportOptions,
  flameHtmlReport,
  flameTextReport,
  generateReport,
  goRegExp,
  type Granularity,
  mergeProfiles,
  type Profile,
  ProfileError,
  type ReportKind,
  type ReportOptions,
  subtractBase,
} from "@gort/pprof";

/** Where the command reads and writes. */
export interface PprofIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** whether stdout is a terminal (colours in --flame) */
  isTTY: boolean;
  /** the terminal's width in columns (undefined: not a terminal) */
  columns: number | undefined;
}

type FlagKind = "bool" | "string" | "int" | "float";
interface FlagSpec {
  kind: FlagKind;
  help: string;
  arg?: string;
}

/** The flags, in the order the usage lists them. */
export const PPROF_FLAGS: Record<string, FlagSpec> = {
  top: { kind: "bool", help: "print the hottest functions, one per line (flat and cumulative values)" },
  list: { kind: "string", arg: "RE", help: "annotated source of the functions matching RE (flat/cum per line)" },
  peek: { kind: "string", arg: "RE", help: "callers and callees of the functions matching RE" },
  traces: { kind: "bool", help: "every sample's stack with its value and labels" },
  tree: { kind: "bool", help: "callers and callees of every function (text call graph)" },
  tags: { kind: "bool", help: "the sample labels (tags) and their share of the total" },
  raw: { kind: "bool", help: "the profile's content as text: samples, locations, mappings" },
  flame: { kind: "bool", help: "draw a flame graph in the terminal (root on top; colours when stdout is a terminal)" },
  html: { kind: "string", arg: "FILE", help: "write a self-contained interactive flame-graph page to FILE (zoom, search, details)" },
  sample_index: { kind: "string", arg: "NAME|N", help: "the sample value to report (e.g. alloc_space, inuse_objects, delay; default: the profile's default, else the last)" },
  focus: { kind: "string", arg: "RE", help: "only samples with a frame matching RE" },
  ignore: { kind: "string", arg: "RE", help: "drop samples with a frame matching RE" },
  hide: { kind: "string", arg: "RE", help: "remove frames matching RE from the stacks" },
  show: { kind: "string", arg: "RE", help: "keep only frames matching RE in the stacks" },
  show_from: { kind: "string", arg: "RE", help: "drop the callers above the outermost frame matching RE" },
  prune_from: { kind: "string", arg: "RE", help: "drop the callees below the innermost frame matching RE" },
  noinlines: { kind: "bool", help: "attribute inlined calls to the function they were inlined into" },
  tagfocus: { kind: "string", arg: "[KEY=]RE|RANGE", help: "only samples whose labels match (key:value regexps, or a numeric range like 1kb:64kb)" },
  tagignore: { kind: "string", arg: "[KEY=]RE|RANGE", help: "drop samples whose labels match" },
  tagshow: { kind: "string", arg: "RE", help: "keep only labels whose key matches RE" },
  taghide: { kind: "string", arg: "RE", help: "remove labels whose key matches RE" },
  nodecount: { kind: "int", arg: "N", help: "show at most N nodes (default: all for -top, 80 for -tree)" },
  nodefraction: { kind: "float", arg: "F", help: "drop nodes below this fraction of the total (default 0.005)" },
  cum: { kind: "bool", help: "sort by cumulative value" },
  flat: { kind: "bool", help: "sort by flat value (the default)" },
  unit: { kind: "string", arg: "UNIT", help: "show values in UNIT (ns, us, ms, s, B, kB, MB, ...; default: chosen from the values)" },
  base: { kind: "string", arg: "FILE", help: "subtract the profile FILE (show the change from it)" },
  diff_base: { kind: "string", arg: "FILE", help: "subtract FILE and give percentages relative to it" },
  functions: { kind: "bool", help: "aggregate by function (the default)" },
  filefunctions: { kind: "bool", help: "aggregate by function and file" },
  files: { kind: "bool", help: "aggregate by source file" },
  lines: { kind: "bool", help: "aggregate by source line" },
  addresses: { kind: "bool", help: "aggregate by address" },
  source_path: { kind: "string", arg: "DIRS", help: "where -list looks for source files (default: the current directory and its parents)" },
  trim_path: { kind: "string", arg: "PREFIXES", help: "path prefixes to remove from source file names for -list" },
  output: { kind: "string", arg: "FILE", help: "write the report to FILE instead of stdout" },
};

const REPORTS = ["top", "list", "peek", "traces", "tree", "tags", "raw", "flame", "html"] as const;

export function pprofUsage(): string {
  const lines = ["usage: gort pprof [flags] PROFILE...", "", "Reports (one of; with none, an interactive shell reads commands: type help):"];
  const row = (name: string, s: FlagSpec): string => {
    const left = `  -${name}${s.arg !== undefined ? `=${s.arg}` : ""}`;
    return `${left.padEnd(24)} ${s.help}`;
  };
  for (const r of REPORTS) lines.push(row(r, PPROF_FLAGS[r]));
  lines.push("", "Options:");
  for (const [name, s] of Object.entries(PPROF_FLAGS)) if (!(REPORTS as readonly string[]).includes(name)) lines.push(row(name, s));
  lines.push("", "Flags may start with - or --. PROFILE is a pprof protobuf file, gzipped or not (from gort run --cpuprofile, runtime/pprof, or Go itself).");
  return lines.join("\n") + "\n";
}

class UsageError extends Error {}

interface ParsedArgs {
  flags: Map<string, string | boolean>;
  files: string[];
}

/** Parses args as Go's flag package would. */
export function parsePprofArgs(args: string[]): ParsedArgs {
  const flags = new Map<string, string | boolean>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    const body = a.startsWith("--") ? a.slice(2) : a.slice(1);
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    if (name === "h" || name === "help") throw new UsageError("");
    const spec = PPROF_FLAGS[name];
    if (spec === undefined) throw new UsageError(`flag provided but not defined: -${name}`);
    if (spec.kind === "bool") {
      if (eq < 0) flags.set(name, true);
      else {
        const v = body.slice(eq + 1);
        if (!["1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False"].includes(v)) {
          throw new UsageError(`invalid boolean value "${v}" for -${name}`);
        }
        flags.set(name, ["1", "t", "T", "true", "TRUE", "True"].includes(v));
      }
      continue;
    }
    let v: string;
    if (eq >= 0) v = body.slice(eq + 1);
    else {
      if (i + 1 >= args.length) throw new UsageError(`flag needs an argument: -${name}`);
      v = args[++i];
    }
    if (spec.kind === "int" && !/^[+-]?\d+$/.test(v)) throw new UsageError(`invalid value "${v}" for flag -${name}: parse error`);
    if (spec.kind === "float" && (v.trim() === "" || Number.isNaN(Number(v)))) throw new UsageError(`invalid value "${v}" for flag -${name}: parse error`);
    flags.set(name, v);
  }
  return { flags, files: args.slice(i) };
}

/** Reads and decodes a profile file; errors name the file. */
export function readProfile(file: string, io: PprofIO): Profile {
  const p = path.resolve(io.cwd, file);
  let data: Buffer;
  try {
    data = fs.readFileSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file or directory" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    throw new ProfileError(`${file}: ${why}`);
  }
  try {
    return decodeProfile(data);
  } catch (e) {
    if (e instanceof ProfileError) throw new ProfileError(`${file}: ${e.message}`);
    throw e;
  }
}

function str(flags: Map<string, string | boolean>, name: string): string {
  const v = flags.get(name);
  return typeof v === "string" ? v : "";
}

function compileSymbol(re: string): RegExp {
  try {
    return goRegExp(re);
  } catch (e) {
    throw new ProfileError(`parsing argument regexp ${re}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

type ReportName = (typeof REPORTS)[number];

/** The checked command line: the report asked for (undefined: interactive) and the files. */
type CommandLine = { kind: ReportName | undefined; flags: Map<string, string | boolean>; files: string[] } | { exit: number };

function checkCommandLine(args: string[], io: PprofIO): CommandLine {
  let parsed: ParsedArgs;
  try {
    parsed = parsePprofArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message === "") {
      io.stdout(pprofUsage());
      return { exit: 0 };
    }
    io.stderr(`gort pprof: ${e.message}\n${pprofUsage()}`);
    return { exit: 2 };
  }
  const { flags, files } = parsed;
  const chosen = REPORTS.filter((r) => flags.has(r) && flags.get(r) !== false);
  if (chosen.length > 1 || files.length === 0) {
    const why = files.length === 0 ? "no profile given" : `choose one report, not ${chosen.map((c) => `-${c}`).join(" and ")}`;
    io.stderr(`gort pprof: ${why}\n${pprofUsage()}`);
    return { exit: 2 };
  }
  return { kind: chosen[0], flags, files };
}

/** Reads the profiles (merged, as pprof always does) and subtracts -base/-diff_base. */
export function loadProfiles(files: string[], base: string, diffBase: string, io: PprofIO): Profile {
  const profs = files.map((f) => readProfile(f, io));
  // pprof merges even a single profile: identical stacks with identical labels become one
  // sample, and samples whose values are all zero are dropped
  let p = mergeProfiles(profs);
  const baseFile = diffBase !== "" ? diffBase : base;
  if (baseFile !== "") p = subtractBase(p, readProfile(baseFile, io), diffBase !== "");
  return p;
}

/** Report options from command-line flags (kind set by the caller). */
function optionsFromFlags(flags: Map<string, string | boolean>, io: PprofIO): ReportOptions {
  const o: ReportOptions = defaultReportOptions("top", io.cwd);
  o.sampleIndex = str(flags, "sample_index");
  o.focus = str(flags, "focus");
  o.ignore = str(flags, "ignore");
  o.hide = str(flags, "hide");
  o.show = str(flags, "show");
  o.showFrom = str(flags, "show_from");
  o.pruneFrom = str(flags, "prune_from");
  o.noInlines = flags.get("noinlines") === true;
  o.tagfocus = str(flags, "tagfocus");
  o.tagignore = str(flags, "tagignore");
  o.tagshow = str(flags, "tagshow");
  o.taghide = str(flags, "taghide");
  if (flags.has("unit")) o.unit = str(flags, "unit");
  if (flags.has("nodecount")) o.nodeCount = Number(str(flags, "nodecount"));
  if (flags.has("nodefraction")) o.nodeFraction = Number(str(flags, "nodefraction"));
  o.cum = flags.get("cum") === true;
  o.sourcePath = str(flags, "source_path");
  o.trimPath = str(flags, "trim_path");
  for (const g of ["functions", "filefunctions", "files", "lines", "addresses"] as Granularity[]) if (flags.get(g) === true) o.granularity = g;
  return o;
}

/** What a report needs besides its options: the regexp of list/peek, where to write, the page title. */
export interface ReportRequest {
  kind: ReportName;
  /** the argument of list/peek (a regexp) or html (a file) */
  arg: string;
  /** write the report here instead of stdout ("" = stdout) */
  output: string;
  /** the profile files' names (the HTML page's title) */
  title: string;
}

/** Generates and prints one report; ProfileErrors propagate to the caller. */
export function emitReport(p: Profile, o0: ReportOptions, req: ReportRequest, io: PprofIO): void {
  const o: ReportOptions = { ...o0, kind: req.kind === "flame" || req.kind === "html" ? "top" : (req.kind as ReportKind) };
  if (req.kind === "list" || req.kind === "peek") o.symbol = compileSymbol(req.arg);
  let text: string;
  let warnings: string[];
  if (req.kind === "flame") {
    // colours only for a terminal (not for -output files, NO_COLOR or TERM=dumb)
    const color = req.output === "" && io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== "dumb";
    ({ text, warnings } = flameTextReport(p, o, { width: io.columns ?? 100, color }));
  }
  else if (req.kind === "html") {
    ({ text, warnings } = flameHtmlReport(p, o, req.title));
    for (const w of warnings) io.stderr(`${w}\n`);
    writeOutput(req.arg, text, io);
    io.stderr(`Flame graph written to ${req.arg}\n`);
    return;
  } else ({ text, warnings } = generateReport(p, o));
  for (const w of warnings) io.stderr(`${w}\n`);
  if (req.output !== "") {
    io.stderr(`Generating report in ${req.output}\n`);
    writeOutput(req.output, text, io);
  } else io.stdout(text);
}

/** Runs `gort pprof args...` when a report flag is given; returns the exit status. */
export function runPprof(args: string[], io: PprofIO): number {
  const cl = checkCommandLine(args, io);
  if ("exit" in cl) return cl.exit;
  if (cl.kind === undefined) {
    io.stderr(`gort pprof: no report chosen (-top, -list, -peek, -traces, -tree, -tags, -raw, -flame or -html)\n${pprofUsage()}`);
    return 2;
  }
  return withProfileErrors(io, () => {
    const { flags, files } = cl;
    const p = loadProfiles(files, str(flags, "base"), str(flags, "diff_base"), io);
    const kind = cl.kind as ReportName;
    const arg = kind === "list" || kind === "peek" || kind === "html" ? str(flags, kind) : "";
    emitReport(p, optionsFromFlags(flags, io), { kind, arg, output: str(flags, "output"), title: files.map((f) => path.basename(f)).join(", ") }, io);
    return 0;
  });
}

/**
 * Runs `gort pprof args...`: a report when a report flag is given, otherwise pprof's interactive
 * shell reading commands from `lines` (pprofshell.ts).
 */
export async function runPprofCommand(args: string[], io: PprofIO, lines: AsyncIterable<string>): Promise<number> {
  const cl = checkCommandLine(args, io);
  if ("exit" in cl) return cl.exit;
  if (cl.kind !== undefined) return runPprof(args, io);
  const { flags, files } = cl;
  let p: Profile;
  try {
    p = loadProfiles(files, str(flags, "base"), str(flags, "diff_base"), io);
  } catch (e) {
    if (e instanceof ProfileError) {
      io.stderr(`gort pprof: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const { pprofShell } = await import("./pprofshell.js");
  return pprofShell(p, optionsFromFlags(flags, io), files.map((f) => path.basename(f)).join(", "), io, lines);
}

/** Runs fn; a ProfileError becomes one line on stderr and status 1. */
export function withProfileErrors(io: PprofIO, fn: () => number): number {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ProfileError) {
      io.stderr(`gort pprof: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function writeOutput(file: string, text: string, io: PprofIO): void {
  try {
    fs.writeFileSync(path.resolve(io.cwd, file), text);
  } catch (e) {
    throw new ProfileError(`${file}: ${(e as Error).message}`);
  }
}
