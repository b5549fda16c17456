import { Args, Command } from "@oclif/core";
import { withInternalErrorHandler } from "../services/check.js";
import { runRun } from "../services/run.js";

/** `gort run [flags] FILE.go|DIR [args...]`: compiles and runs a Go program on gort's runtime. */
export default class Run extends Command {
  static override summary = "compile and run a Go program on gort's runtime";

  static override description = [
    "Like go run: the .go files (or one directory) of package main, then the program's arguments.",
    "Compile errors print as file.go:LINE:COL: message and exit with status 1; otherwise the exit status is the program's (2 after a panic).",
  ].join("\n\n");

  static override strict = false;

  static override args = {
    program: Args.string({ description: ".go files or a directory, then the program's arguments", required: true }),
  };

  static override examples = ["<%= config.bin %> run main.go", "<%= config.bin %> run ./cmd/tool arg1 arg2"];

  async run(): Promise<void> {
    const { argv } = await this.parse(Run);
    const io = {
      cwd: process.cwd(),
      env: process.env,
      stderr: (s: string) => {
        process.stderr.write(s);
      },
      stdout: (s: string) => {
        process.stdout.write(s);
      },
    };
    const code = withInternalErrorHandler(io, () => runRun(argv.map(String), io));
    if (code !== 0) this.exit(code);
  }
}
