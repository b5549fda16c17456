import { Args, Command, Flags } from "@oclif/core";
import { withInternalErrorHandler } from "../services/check.js";
import { runTest } from "../services/gotest.js";

/** `gort test [flags] [packages]`: runs a package's tests, examples and benchmarks like go test. */
export default class Test extends Command {
  static override summary = "test packages: run their tests, examples and benchmarks as go test does";

  static override description = [
    "Like go test: each package is compiled with its _test.go files (and its external package_test files) and a generated test main, and run on gort's runtime.",
    "Without package arguments (local directory mode) the package in the current directory is tested and its whole output shown. With packages (directories, ./..., import paths) a passing package prints only its ok line, a failing one its whole output; -v shows everything.",
    "Results: `ok  PATH  0.012s`, `FAIL  PATH  0.012s`, `?  PATH  [no test files]`, `FAIL  PATH [build failed]`. Exit status 1 when a test failed, 2 when a package did not build.",
    "Flags after -args go to the test binary unchanged.",
  ].join("\n\n");

  static override strict = false;

  // Documented for --help; the arguments are parsed by services/gotest.ts (go test's rules).
  static override flags = {
    v: Flags.boolean({ char: "v", description: "verbose: every test's === RUN / --- PASS lines and logs" }),
    run: Flags.string({ description: "run only the tests and examples matching the regexp (Parent/Sub for subtests)", helpValue: "REGEXP" }),
    bench: Flags.string({ description: "run the benchmarks matching the regexp (. for all)", helpValue: "REGEXP" }),
    benchtime: Flags.string({ description: "run each benchmark for this long (1s) or this many times (100x)", helpValue: "D|Nx" }),
    benchmem: Flags.boolean({ description: "print memory allocations of benchmarks" }),
    count: Flags.string({ description: "run each test and benchmark N times", helpValue: "N" }),
    short: Flags.boolean({ description: "tell long tests to shorten themselves (testing.Short)" }),
    failfast: Flags.boolean({ description: "do not start new tests after the first failure" }),
    list: Flags.string({ description: "list the tests, benchmarks and examples matching the regexp, then exit", helpValue: "REGEXP" }),
  };

  static override args = {
    packages: Args.string({ description: "packages to test (default: the current directory)", required: false }),
  };

  static override examples = ["<%= config.bin %> test", "<%= config.bin %> test -v -run TestParse ./...", "<%= config.bin %> test -run XXX -bench . -benchmem"];

  async run(): Promise<void> {
    const io = {
      cwd: process.cwd(),
      env: process.env,
      stdout: (s: string) => void process.stdout.write(s),
      stderr: (s: string) => void process.stderr.write(s),
      stdoutBytes: (b: Uint8Array) => void process.stdout.write(b),
      stderrBytes: (b: Uint8Array) => void process.stderr.write(b),
      progress: process.stderr.isTTY === true,
    };
    const code = withInternalErrorHandler(io, () => runTest(this.argv.map(String), io));
    if (code !== 0) this.exit(code);
  }
}
