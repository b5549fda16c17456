import { Args, Command } from "@oclif/core";
import { runCheck, withInternalErrorHandler } from "../services/check.js";

/** `gort check [packages|dirs|files]`: type-checks Go code and prints gc-style diagnostics. */
export default class Check extends Command {
  static override summary = "type-check Go packages and report errors as the Go compiler does";

  static override description = [
    "Arguments are like go build's: nothing or \".\" for the package in the current directory, directories (./sub, ../x), ./... for every package below, import paths (fmt, example.com/m/pkg), std for the whole standard library, or .go files (main.go util.go) checked as one package.",
    "Errors print as file.go:LINE:COL: message under a \"# package\" line, sorted, at most 10 per package. The exit status is 1 when anything was reported, and 0 with no output otherwise.",
    "GOROOT selects the standard library's sources (default: gort's own).",
  ].join("\n\n");

  static override strict = false;

  static override args = {
    packages: Args.string({ description: "packages, directories or .go files (default: .)", required: false }),
  };

  static override examples = [
    "<%= config.bin %> check",
    "<%= config.bin %> check ./...",
    "<%= config.bin %> check main.go",
    "GOROOT=/usr/lib/go-1.19 <%= config.bin %> check net/http",
  ];

  async run(): Promise<void> {
    const { argv } = await this.parse(Check);
    const io = {
      cwd: process.cwd(),
      env: process.env,
      stderr: (s: string) => {
        process.stderr.write(s);
      },
    };
    const code = withInternalErrorHandler(io, () => runCheck(argv.map(String), io));
    if (code !== 0) this.exit(code);
  }
}
