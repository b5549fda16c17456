import { Args, Command } from "@oclif/core";
import { runTop } from "../services/top.js";

/** `gort top [PID]`: attach to a running gort program (started with gort run --diag). */
export default class Top extends Command {
  static override summary = "watch a running gort program: live dashboard, goroutine dump, memstats, forced GC";

  static override description = [
    "Attaches to a program started with `gort run --diag` through its diagnostics socket ($TMPDIR/gort-<uid>/<pid>.sock; the directory is 0700 and the socket 0600, so only its owner can attach).",
    "Without a PID: lists the programs that can be attached to. With a PID and no flag: the live dashboard (scheduler, GC, goroutine count; keys: q leaves the viewer and the program goes on, p pauses the view, g forces a GC, tab moves between panes); without a terminal, one summary line per snapshot until the program exits.",
    "Flags (with a PID): --goroutines prints every goroutine's stack as Go does on a deadlock; --memstats prints runtime.MemStats; --gc forces a collection; --once prints one summary line; --cpuprofile FILE and --trace FILE record the next 5 seconds (a CPU profile for gort pprof / go tool pprof, an execution trace for gort trace / go tool trace).",
  ].join("\n\n");

  static override strict = false;

  static override args = {
    pid: Args.string({ description: "process id of a gort program started with --diag", required: false }),
  };

  static override examples = ["<%= config.bin %> run --diag server.go &", "<%= config.bin %> top", "<%= config.bin %> top 12345", "<%= config.bin %> top --goroutines 12345", "<%= config.bin %> top --cpuprofile cpu.pprof --trace run.trace 12345"];

  async run(): Promise<void> {
    const out = process.stdout;
    const tty = out.isTTY && process.stdin.isTTY && process.env.TERM !== "dumb" ? { columns: out.columns, rows: out.rows, stdin: process.stdin, stdout: out } : null;
    const code = await runTop(this.argv.map(String), {
      stdout: (s) => void out.write(s),
      stderr: (s) => void process.stderr.write(s),
      tty,
    });
    if (code !== 0) this.exit(code);
  }
}
