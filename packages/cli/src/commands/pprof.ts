import { Args, Command } from "@oclif/core";
import { withInternalErrorHandler } from "../services/check.js";
import * as readline from "node:readline";
import { pprofUsage, runPprofCommand } from "../services/pprof.js";

/** `gort pprof [flags] PROFILE...`: text reports and flame graphs of pprof profiles. */
export default class Pprof extends Command {
  static override summary = "analyse a pprof profile (gort's or Go's): top, list, peek, traces, tree, tags, flame graphs";

  static override description = [
    "Reads CPU, heap, allocs, block, mutex or goroutine profiles in pprof's protobuf format (gzipped or not), as written by `gort run --cpuprofile/--memprofile`, by runtime/pprof, or by Go itself, and prints the report its flag asks for, as `go tool pprof` does. Flags may be written with one dash or two (-top, --top) and take values as -flag=value or -flag value.",
    pprofUsage().trimEnd(),
    "Without a report flag, gort pprof starts pprof's interactive shell: type top, list RE, peek RE, tree, traces, tags, raw, flame or html FILE, set options with name=value (focus=RE, sample_index=alloc_space, ...), \"help\" for more, \"q\" to quit.",
    "With several PROFILE arguments the profiles are merged. Warnings go to stderr. A missing, corrupt or truncated file prints one line naming the file and what is wrong, with exit status 1; a bad command line exits with status 2.",
  ].join("\n\n");

  // the raw argv: go tool pprof's single-dash flags (-top, -list=RE) are not oclif flags
  static override strict = false;

  static override args = {
    profile: Args.string({ description: "the profile file(s), after the flags", required: false }),
  };

  static override examples = [
    "<%= config.bin %> pprof -top cpu.pprof",
    "<%= config.bin %> pprof --top --sample_index=alloc_space mem.pprof",
    "<%= config.bin %> pprof -list='main\\.work' cpu.pprof",
    "<%= config.bin %> pprof -peek=mallocgc -focus=main cpu.pprof",
    "<%= config.bin %> pprof -flame cpu.pprof",
    "<%= config.bin %> pprof -html=flame.html cpu.pprof",
    "<%= config.bin %> pprof -top -diff_base=before.pprof after.pprof",
    "<%= config.bin %> pprof cpu.pprof   (interactive)",
  ];

  async run(): Promise<void> {
    const io = {
      cwd: process.cwd(),
      env: process.env,
      stdout: (s: string) => {
        process.stdout.write(s);
      },
      stderr: (s: string) => {
        process.stderr.write(s);
      },
      isTTY: process.stdout.isTTY === true,
      columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
    };
    let code: number;
    try {
      const rl = readline.createInterface({ input: process.stdin, terminal: false });
      try {
        code = await runPprofCommand(this.argv.map(String), io, rl);
      } finally {
        rl.close();
      }
    } catch (e) {
      code = withInternalErrorHandler(io, () => {
        throw e;
      });
    }
    if (code !== 0) this.exit(code);
  }
}
