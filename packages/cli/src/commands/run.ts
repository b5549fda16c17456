import { Args, Command, Flags } from "@oclif/core";
import { runCommand } from "../services/runfast.js";

/**
 * `gort run [flags] FILE.go…|DIR|PKG [args...]`: compiles and runs a Go program on gort's runtime.
 * bin/run.js sends `gort run …` straight to services/runfast.ts (skipping oclif's startup);
 * this class serves `gort run --help` and `gort help run`, and runs the same service otherwise.
 */
export default class Run extends Command {
  static override summary = "compile and run a Go program on gort's runtime";

  static override description = [
    "Like go run: flags, then the .go files (or one package: a directory or import path) of package main, or an image written by `gort build`, then the program's arguments.",
    "Flags (below) come before the program; one or two dashes, values as --flag=value or --flag value. Everything after the program belongs to it.",
    "Compiled images are cached in $GORTCACHE, $XDG_CACHE_HOME/gort or ~/.cache/gort (GORTCACHE=off disables the cache). GOGC, GOMAXPROCS, GOMEMLIMIT, GODEBUG and GOTRACEBACK are read from the environment as Go reads them.",
    "Compile errors print as file.go:LINE:COL: message and exit with status 1; otherwise the exit status is the program's (2 after a panic; 130 when the dashboard's q stops it).",
  ].join("\n\n");

  static override strict = false;

  // Documented here for --help; the arguments themselves are split by services/runexec.ts
  // (go run's rules: flags only before the program).
  static override flags = {
    a: Flags.boolean({ char: "a", description: "rebuild even when the cached image is up to date" }),
    gogc: Flags.string({ description: "GOGC for this run: a percentage or off (the program's os.Getenv sees it too)", helpValue: "N|off" }),
    gomaxprocs: Flags.string({ description: "GOMAXPROCS for this run", helpValue: "N" }),
    gomemlimit: Flags.string({ description: "GOMEMLIMIT for this run (e.g. 512MiB, off)", helpValue: "SIZE" }),
    godebug: Flags.string({ description: "GODEBUG for this run (gctrace=1, schedtrace=1000, scheddetail=1, gccheckmark=1, …)", helpValue: "LIST" }),
    cpuprofile: Flags.string({ description: "write a CPU profile (pprof format) when the program exits", helpValue: "FILE" }),
    memprofile: Flags.string({ description: "write a heap profile when the program exits", helpValue: "FILE" }),
    blockprofile: Flags.string({ description: "write a goroutine blocking profile when the program exits", helpValue: "FILE" }),
    mutexprofile: Flags.string({ description: "write a mutex contention profile when the program exits", helpValue: "FILE" }),
    trace: Flags.string({ description: "write an execution trace of the whole run (gort trace, go tool trace)", helpValue: "FILE" }),
    otel: Flags.string({ description: "export runtime metrics through OpenTelemetry (OTLP/HTTP or the console)", options: ["otlp", "console"] }),
    dash: Flags.boolean({ description: "live dashboard of the scheduler, the GC and the program's output (q quit, p pause, g GC, tab)" }),
    diag: Flags.boolean({ description: "open the diagnostics socket that gort top attaches to" }),
    sandbox: Flags.boolean({ description: "deny file, network, process and environment access unless an --allow-* flag grants it (denied calls fail with permission denied)" }),
    "allow-read": Flags.string({ description: "with --sandbox: directories the program may read (comma-separated; no value: all)", helpValue: "DIRS" }),
    "allow-write": Flags.string({ description: "with --sandbox: directories the program may write (comma-separated; no value: all)", helpValue: "DIRS" }),
    "allow-net": Flags.string({ description: "with --sandbox: HOST:PORT, HOST or :PORT the program may dial or listen on (no value: all)", helpValue: "ADDRS" }),
    "allow-run": Flags.boolean({ description: "with --sandbox: allow child processes (os/exec) and signals" }),
    "allow-env": Flags.boolean({ description: "with --sandbox: the program sees the environment (else an empty one)" }),
  };

  static override args = {
    program: Args.string({ description: ".go files or a package, then the program's arguments", required: true }),
  };

  static override examples = [
    "<%= config.bin %> run main.go",
    "<%= config.bin %> run ./cmd/tool arg1 arg2",
    "<%= config.bin %> run --godebug=gctrace=1 --gogc=50 main.go",
    "<%= config.bin %> run --cpuprofile=cpu.prof main.go && <%= config.bin %> pprof --top cpu.prof",
    "<%= config.bin %> run --dash main.go",
  ];

  async run(): Promise<void> {
    // the raw argv: oclif would take the program's own flags (`gort run x.go -v`) for ours
    const code = await runCommand(this.argv.map(String));
    if (code !== 0) this.exit(code);
  }
}
