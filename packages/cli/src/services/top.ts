/**
 * top.ts — `gort top [PID]`: attaches to a gort program started with `gort run --diag` through
 * its diagnostics socket (diag.ts). Without a PID it lists the programs that can be attached
 * to. With one: the live dashboard (the same panels as `gort run --dash`; q leaves the viewer,
 * the program goes on), or with flags a one-shot answer: --goroutines (every goroutine's stack),
 * --memstats (runtime.MemStats), --gc (force a collection), --once (one summary line). Without
 * a terminal the live view prints one summary line per snapshot. --cpuprofile FILE and --trace FILE
 * record the next 5 s of the program (CPU profile at 100 Hz, execution trace) into FILE.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { RuntimeSnapshot } from "@gort/runtime";
import { DashModel } from "../dash/model.js";
import { mountDashboard, type DashTTY, type MountedDashboard } from "../dash/mount.js";
import { summaryLine } from "../dash/format.js";
import { diagDir, diagRequest, diagSocketPath, diagWatch } from "./diag.js";

export interface TopIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  tty: DashTTY | null;
}

export const TOP_USAGE =
  "usage: gort top [--goroutines | --memstats | --gc | --once | --cpuprofile FILE | --trace FILE] [PID]\nRun 'gort top --help' for details.\n";

/** Runs `gort top args...`; resolves to the exit status. */
export async function runTop(args: string[], io: TopIO): Promise<number> {
  type Mode = "live" | "goroutines" | "memstats" | "gc" | "once" | "capture";
  let mode = "live" as Mode;
  let pid: number | null = null;
  let cpuFile: string | null = null;
  let traceFile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const f = a.replace(/^--?/, "");
    const eq = f.indexOf("=");
    const fname = eq < 0 ? f : f.slice(0, eq);
    if (a.startsWith("-") && (fname === "cpuprofile" || fname === "trace")) {
      const v = eq >= 0 ? f.slice(eq + 1) : args[++i];
      if (v === undefined) {
        io.stderr(`flag needs an argument: ${a}\n${TOP_USAGE}`);
        return 2;
      }
      if (fname === "cpuprofile") cpuFile = v;
      else traceFile = v;
      mode = "capture";
    } else if (a.startsWith("-") && ["goroutines", "memstats", "gc", "once"].includes(f)) mode = f as Mode;
    else if (/^\d+$/.test(a) && pid === null) pid = Number(a);
    else {
      io.stderr(a.startsWith("-") ? `flag provided but not defined: ${a}\n${TOP_USAGE}` : `gort top: not a process id: ${a}\n${TOP_USAGE}`);
      return 2;
    }
  }
  if (pid === null) {
    if (mode !== "live") {
      io.stderr(`gort top: --${mode} needs a process id\n${TOP_USAGE}`);
      return 2;
    }
    return listPrograms(io);
  }
  const sock = diagSocketPath(pid);
  if (!fs.existsSync(sock)) {
    io.stderr(`gort top: no gort program with diagnostics at pid ${pid} (start it with gort run --diag)\n`);
    return 1;
  }
  try {
    switch (mode) {
      case "goroutines": {
        const r = await ask(sock, "goroutines");
        io.stdout(`${String(r.text)}\n`);
        return 0;
      }
      case "memstats": {
        const r = await ask(sock, "memstats");
        io.stdout(formatMemStats(r.memstats as Record<string, unknown> | null));
        return 0;
      }
      case "gc":
        await ask(sock, "gc");
        io.stdout(`gort top: GC requested in ${pid}\n`);
        return 0;
      case "capture": {
        io.stderr(`gort top: recording ${pid} for 5 s…\n`);
        const r = await diagRequest(sock, { op: "capture" }, 60_000);
        if (typeof r.error === "string") throw new Error(r.error);
        const put = (file: string | null, b64: unknown, what: string): void => {
          if (file === null) return;
          if (typeof b64 !== "string") throw new Error(`no ${what} (profiling or tracing was already running in the program)`);
          fs.writeFileSync(file, Buffer.from(b64, "base64"));
          io.stdout(`gort top: wrote ${what} of ${pid} (${String(r.seconds)} s) to ${file}\n`);
        };
        put(cpuFile, r.cpu, "a CPU profile");
        put(traceFile, r.trace, "an execution trace");
        return 0;
      }
      case "once": {
        const r = await ask(sock, "snapshot");
        io.stdout(r.snap === null ? "gort top: no snapshot yet\n" : `${summaryLine(r.snap as RuntimeSnapshot)}\n`);
        return 0;
      }
      default:
        return await live(sock, pid, io);
    }
  } catch (e) {
    io.stderr(`gort top: ${pid}: ${(e as Error).message}\n`);
    return 1;
  }
}

async function ask(sock: string, op: string): Promise<Record<string, unknown>> {
  const r = await diagRequest(sock, { op });
  if (typeof r.error === "string") throw new Error(r.error);
  return r;
}

/** `gort top` without a PID: the programs whose sockets answer (stale sockets are removed). */
async function listPrograms(io: TopIO): Promise<number> {
  const dir = diagDir();
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter((n) => /^\d+\.sock$/.test(n));
  } catch {
    // no directory: no program ever listened
  }
  const rows: string[][] = [];
  for (const n of names.sort((a, b) => parseInt(a) - parseInt(b))) {
    const sock = path.join(dir, n);
    try {
      const r = await diagRequest(sock, { op: "hello" }, 2000);
      rows.push([String(r.pid), String(r.program), (r.args as string[]).join(" "), String(r.startedAt)]);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ECONNREFUSED" || code === "ENOENT") fs.rmSync(sock, { force: true });
    }
  }
  if (rows.length === 0) {
    io.stdout("no gort programs with diagnostics (start one with gort run --diag)\n");
    return 0;
  }
  const head = ["PID", "PROGRAM", "ARGS", "STARTED"];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) io.stdout(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]))).join("  ") + "\n");
  return 0;
}

/** Go's MemStats field order, printed as `Name: value` lines. */
export function formatMemStats(ms: Record<string, unknown> | null): string {
  if (ms === null) return "collector off\n";
  let out = "";
  for (const [k, v] of Object.entries(ms)) {
    if (k === "BySize" || k === "PauseNs" || k === "PauseEnd") continue;
    out += `${k}: ${typeof v === "number" && !Number.isInteger(v) ? v.toFixed(6) : String(v)}\n`;
  }
  const pauses = (ms.PauseNs as number[] | undefined) ?? [];
  const n = Number(ms.NumGC ?? 0);
  const recent: number[] = [];
  for (let i = 0; i < Math.min(n, 8); i++) recent.push(pauses[(n - 1 - i + 256) % 256]);
  out += `PauseNs (most recent first): ${recent.join(" ")}\n`;
  return out;
}

/** The live view: the dashboard in a terminal, summary lines otherwise. */
async function live(sock: string, pid: number, io: TopIO): Promise<number> {
  const hello = await ask(sock, "hello");
  const title = `top ${pid} ${String(hello.program)} ${(hello.args as string[]).join(" ")}`.trim();
  if (io.tty === null) {
    let code: number | null = null;
    const w = diagWatch(sock, (m) => {
      if (m.snap !== undefined && m.snap !== null) io.stdout(`${summaryLine(m.snap as RuntimeSnapshot)}\n`);
      if (typeof m.exit === "number") code = m.exit;
    });
    await w.done;
    io.stdout(code === null ? `gort top: connection to ${pid} closed\n` : `gort top: ${pid} exited with status ${code}\n`);
    return 0;
  }
  const tty = io.tty;
  const model = new DashModel();
  model.addOutput(new TextEncoder().encode(`(the program's output stays in its own terminal; attached to pid ${pid})\n`));
  let mounted: MountedDashboard | null = null;
  const touch = (): void => mounted?.touch();
  let quit: () => void = () => {};
  const quitP = new Promise<void>((r) => (quit = r));
  const w = diagWatch(sock, (m) => {
    if (m.snap !== undefined && m.snap !== null) model.addSnapshot(m.snap as RuntimeSnapshot);
    if (typeof m.exit === "number") model.exitCode = m.exit;
    touch();
  });
  void w.done.then(() => setTimeout(quit, 1500).unref(), quit);
  const onKey = (k: string): void => {
    if (k === "q") quit();
    else if (k === "p") model.paused = !model.paused;
    else if (k === "g") {
      void ask(sock, "gc").then(
        () => (model.message = "GC requested"),
        (e: Error) => (model.message = e.message),
      );
    } else if (k === "tab") model.cycleFocus();
    touch();
  };
  const dash = mountDashboard(model, tty, title, onKey);
  mounted = dash;
  await quitP;
  w.close();
  await dash.close();
  return 0;
}
