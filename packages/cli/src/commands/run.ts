import { Args, Command } from "@oclif/core";
import { runCommand } from "../services/runfast.js";

/**
 * `gort run [flags] FILE.go…|DIR|PKG [args...]`: compiles and runs a Go program on gort's runtime.
 * bin/run.js sends `gort run …` straight to services/runfast.ts (skipping oclif's startup);
 * this class serves `gort run --help` and `gort help run`, and runs the same service otherwise.
 */
export default class Run extends Command {
  static override summary = "compile and run a Go program on gort's runtime";

  static override description = [
    "Like go run: build flags, then the .go files (or one package: a directory or import path) of package main, then the program's arguments.",
    "Flags: -a rebuilds even when the cached image is up to date. Compiled images are cached in $GORTCACHE, $XDG_CACHE_HOME/gort or ~/.cache/gort (GORTCACHE=off disables the cache).",
    "Compile errors print as file.go:LINE:COL: message and exit with status 1; otherwise the exit status is the program's (2 after a panic).",
  ].join("\n\n");

  static override strict = false;

  static override args = {
    program: Args.string({ description: ".go files or a package, then the program's arguments", required: true }),
  };

  static override examples = ["<%= config.bin %> run main.go", "<%= config.bin %> run ./cmd/tool arg1 arg2", "<%= config.bin %> run -a ."];

  async run(): Promise<void> {
    // the raw argv: oclif would take the program's own flags (`gort run x.go -v`) for ours
    const code = await runCommand(this.argv.map(String));
    if (code !== 0) this.exit(code);
  }
}
