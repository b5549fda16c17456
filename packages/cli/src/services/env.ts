/**
 * `gort env [-json] [VAR...]`, like `go env`: the settings gort runs programs with. Without
 * names, every variable as `NAME="value"` lines (go env's shell form on Unix); with names, each
 * value alone on its own line; -json prints one JSON object. The runtime variables show what the
 * environment sets (empty when unset, as go env shows unset variables); the
 * `GORT*` ones are gort's own: GORTCACHE is the image cache directory in use ("off" when
 * disabled), GORTSTDLIB the standard library sources compiled into programs.
 */
import * as os from "node:os";
import { defaultStdlibRoot } from "@gort/compiler";
import type { CheckIO } from "./check.js";
import { cacheDir } from "./runcache.js";
import { versionString } from "./version.js";

/** The variables in go env's order (alphabetical), with their values. */
export function envVars(io: { cwd: string; env: Record<string, string | undefined> }): [string, string][] {
  const e = io.env;
  const get = (k: string): string => e[k] ?? "";
  const goroot = get("GOROOT");
  const stdlib = get("GORT_STDLIB") !== "" ? get("GORT_STDLIB") : goroot !== "" ? `${goroot}/src` : defaultStdlibRoot();
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const vars: [string, string][] = [
    ["GOARCH", arch],
    ["GODEBUG", get("GODEBUG")],
    ["GOGC", get("GOGC")],
    ["GOMAXPROCS", get("GOMAXPROCS")],
    ["GOMEMLIMIT", get("GOMEMLIMIT")],
    ["GOOS", process.platform],
    ["GOROOT", goroot],
    ["GORTCACHE", cacheDir(io) ?? "off"],
    ["GORTNUMCPU", String(os.availableParallelism())],
    ["GORTSTDLIB", stdlib],
    ["GORTVERSION", versionString().split(" ")[2] ?? ""],
    ["GOTRACEBACK", get("GOTRACEBACK")],
    ["GOVERSION", "go1.19"],
  ];
  return vars;
}

/** Quotes a value as go env does for sh: double quotes, with \, ", $ and ` escaped. */
function shQuote(v: string): string {
  return `"${v.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** Runs `gort env args...`; returns the exit status. */
export function runEnvCommand(args: string[], io: CheckIO & { stdout: (s: string) => void }): number {
  let json = false;
  const names: string[] = [];
  for (const a of args) {
    if (a === "-json" || a === "--json") json = true;
    else if (a.startsWith("-")) {
      io.stderr(`flag provided but not defined: ${a}\nusage: gort env [-json] [var ...]\nRun 'gort env --help' for details.\n`);
      return 2;
    } else names.push(a);
  }
  const vars = envVars(io);
  const known = new Map(vars);
  if (names.length === 0) {
    if (json) io.stdout(JSON.stringify(Object.fromEntries(vars), null, "\t") + "\n");
    else io.stdout(vars.map(([k, v]) => `${k}=${shQuote(v)}\n`).join(""));
    return 0;
  }
  // go env prints an empty line for a variable it does not know
  const picked = names.map((n): [string, string] => [n, known.get(n) ?? io.env[n] ?? ""]);
  if (json) io.stdout(JSON.stringify(Object.fromEntries(picked), null, "\t") + "\n");
  else io.stdout(picked.map(([, v]) => `${v}\n`).join(""));
  return 0;
}
