import { Args, Command, Flags } from "@oclif/core";
import { runTrace } from "../services/trace.js";

/** `gort trace [flags] FILE`: analyses a Go execution trace; see services/trace.ts. */
export default class Trace extends Command {
  static override summary = "analyse a Go execution trace (gort run --trace, runtime/trace, or Go's own)";

  static override description = [
    "Reads a Go 1.19 execution trace file and, with no flag, prints a summary: duration, goroutines, GC cycles and stop-the-world pauses, and per-P utilisation (the share of the trace each P spent running goroutines).",
    "--goroutines groups goroutines by start function and splits their time into execution, network wait, sync block, blocking syscall, scheduler wait, GC sweeping and GC pause, as go tool trace's goroutine analysis does. --latency shows the scheduler latency histogram (from a goroutine being created or unblocked to it running) and where the slowest wakeups come from. --gc lists every stop-the-world pause (start, duration, kind) and GC cycle. --mmu draws the minimum mutator utilisation curve (the worst share of CPU left to the program in any window of a given size; STW pauses, mark workers and assists count as GC); --svg=FILE also writes it as an SVG chart.",
    "--perfetto OUT.json writes Chrome trace-event JSON that ui.perfetto.dev and chrome://tracing open: a track per P and per goroutine, GC cycles and STW pauses, sweeps, mark assists, user tasks and regions, and heap and goroutine counters. Slices on one track never overlap unless nested; the export is checked before it is written.",
    "-d prints the parsed events in go tool trace -d's format. Flags can be combined. A missing, corrupt or truncated file prints one error line and exits with status 1.",
  ].join("\n\n");

  static override args = {
    file: Args.string({ description: "trace file (e.g. written by gort run --trace=trace.out)", required: true }),
  };

  static override flags = {
    goroutines: Flags.boolean({ description: "per start function: execution, blocking and scheduler wait times" }),
    latency: Flags.boolean({ description: "scheduler latency histogram (runnable → running)" }),
    gc: Flags.boolean({ description: "stop-the-world pause table and GC cycles" }),
    mmu: Flags.boolean({ description: "minimum mutator utilisation curve, drawn in the terminal" }),
    svg: Flags.string({ description: "also write the MMU curve as SVG to this file (implies --mmu)", helpValue: "FILE" }),
    perfetto: Flags.string({ description: "write Chrome trace-event JSON for Perfetto to this file", helpValue: "OUT.json" }),
    dump: Flags.boolean({ char: "d", description: "print the parsed events as go tool trace -d does" }),
  };

  static override examples = [
    "<%= config.bin %> run --trace=trace.out main.go && <%= config.bin %> trace trace.out",
    "<%= config.bin %> trace --goroutines --latency trace.out",
    "<%= config.bin %> trace --gc --mmu --svg=mmu.svg trace.out",
    "<%= config.bin %> trace --perfetto=trace.json trace.out",
  ];

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Trace);
    const code = runTrace(
      { file: args.file, ...flags },
      {
        cwd: process.cwd(),
        env: process.env,
        stdout: (s) => void process.stdout.write(s),
        stderr: (s) => void process.stderr.write(s),
      },
    );
    if (code !== 0) this.exit(code);
  }
}
