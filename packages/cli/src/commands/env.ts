import { Args, Command } from "@oclif/core";
import { withInternalErrorHandler } from "../services/check.js";
import { runEnvCommand } from "../services/env.js";

/** `gort env [-json] [VAR...]`: prints the settings gort runs programs with, like go env. */
export default class Env extends Command {
  static override summary = "print gort's environment (GOGC, GOMAXPROCS, GOMEMLIMIT, GODEBUG, GOROOT, cache directory, …)";

  static override description = [
    'Like go env. Without arguments every variable is printed as NAME="value"; with names, each value on its own line; -json prints a JSON object.',
    "GOGC, GOMAXPROCS, GOMEMLIMIT, GODEBUG and GOTRACEBACK are read by programs as in Go (empty = Go's default); `gort run --gogc/--gomaxprocs/--gomemlimit/--godebug` override them for one run.",
    "GORTCACHE is the compiled-image cache directory ($GORTCACHE, $XDG_CACHE_HOME/gort or ~/.cache/gort; off when GORTCACHE=off). GORTSTDLIB is the standard library compiled into programs (gort's own, or $GOROOT/src when GOROOT is set).",
  ].join("\n\n");

  static override strict = false;

  static override args = {
    vars: Args.string({ description: "variable names to print", required: false }),
  };

  static override examples = ["<%= config.bin %> env", "<%= config.bin %> env GORTCACHE", "<%= config.bin %> env -json"];

  async run(): Promise<void> {
    const io = {
      cwd: process.cwd(),
      env: process.env,
      stdout: (s: string) => void process.stdout.write(s),
      stderr: (s: string) => void process.stderr.write(s),
    };
    const code = withInternalErrorHandler(io, () => runEnvCommand(this.argv.map(String), io));
    if (code !== 0) this.exit(code);
  }
}
