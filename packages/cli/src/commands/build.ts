import { Args, Command } from "@oclif/core";
import { runBuild } from "../services/build.js";
import { withInternalErrorHandler } from "../services/check.js";

/** `gort build [-o OUTPUT] FILE.go…|DIR|PKG`: compiles a main package into a program image. */
export default class Build extends Command {
  static override summary = "compile a Go program into a gort program image";

  static override description = [
    "Like go build for a main package: the .go files (or one package: a directory or import path) are compiled with the standard library into one program image.",
    "-o OUTPUT names the file (default: the program's name in the current directory: the first file's name without .go, else the package's directory name); an existing directory, or a name ending in /, receives the file under the program's name.",
    "The image runs with `gort run IMAGE [args...]`, or directly as ./IMAGE when gort is on PATH (it starts with a #! line). Images are tied to the gort version that wrote them.",
    "Compile errors print as file.go:LINE:COL: message and exit with status 1.",
  ].join("\n\n");

  static override strict = false;

  static override args = {
    packages: Args.string({ description: ".go files or one package (default: .)", required: false }),
  };

  static override examples = ["<%= config.bin %> build -o hello main.go", "<%= config.bin %> build ./cmd/tool", "<%= config.bin %> run ./hello arg1"];

  async run(): Promise<void> {
    const io = {
      cwd: process.cwd(),
      env: process.env,
      stderr: (s: string) => void process.stderr.write(s),
      progress: process.stderr.isTTY === true,
    };
    const code = withInternalErrorHandler(io, () => runBuild(this.argv.map(String), io));
    if (code !== 0) this.exit(code);
  }
}
