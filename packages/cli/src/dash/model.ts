/**
 * model.ts — the dashboard's state between frames: the latest runtime snapshot plus the
 * histories the panels draw (goroutine count, heap live and goal, pause histogram, GC CPU),
 * and the program's output split into lines. Pure data, no rendering: panels.tsx draws it and
 * the plain (no terminal) mode prints a line from it.
 */
import type { RuntimeSnapshot } from "@gort/runtime";

/** Samples kept per history (one per snapshot). */
export const HISTORY = 120;
/** Program output lines kept for the output pane. */
export const OUTPUT_LINES = 1000;

/** Pause histogram buckets: upper bounds in ns (the last is open-ended). */
export const PAUSE_BUCKETS: readonly [string, number][] = [
  ["<10µs", 10e3],
  ["<50µs", 50e3],
  ["<100µs", 100e3],
  ["<500µs", 500e3],
  ["<1ms", 1e6],
  ["<5ms", 5e6],
  ["≥5ms", Infinity],
];

export type Pane = "sched" | "gc" | "output";
export const PANES: readonly Pane[] = ["sched", "gc", "output"];

export class DashModel {
  snap: RuntimeSnapshot | null = null;
  readonly goroutines: number[] = [];
  readonly heapLive: number[] = [];
  readonly heapGoal: number[] = [];
  readonly pauseCounts: number[] = PAUSE_BUCKETS.map(() => 0);
  /** pauses already counted (ring position in the runtime's pause history) */
  private pausesSeen = 0;
  private lastNumGC = 0;
  readonly lines: string[] = [];
  private partial = "";
  private readonly dec = new TextDecoder();
  /** bytes of output so far (both descriptors) */
  outputBytes = 0;
  paused = false;
  focus: Pane = "sched";
  exitCode: number | null = null;
  message = "";

  /** Takes a snapshot in (ignored for drawing while paused, but histories keep counting). */
  addSnapshot(s: RuntimeSnapshot): void {
    push(this.goroutines, s.goroutines);
    if (s.gc !== null) {
      push(this.heapLive, s.gc.heapAlloc);
      push(this.heapGoal, s.gc.heapGoal);
      this.countPauses(s);
    }
    if (!this.paused) this.snap = s;
  }

  /** Bins the pauses this snapshot adds. Snapshots carry the most recent pauses; NumGC tells how many are new (2 pauses a cycle). */
  private countPauses(s: RuntimeSnapshot): void {
    const gc = s.gc!;
    const newCycles = gc.numGC - this.lastNumGC;
    this.lastNumGC = gc.numGC;
    const fresh = Math.min(gc.pausesNs.length, Math.max(0, newCycles * 2));
    for (const ns of gc.pausesNs.slice(gc.pausesNs.length - fresh)) {
      const i = PAUSE_BUCKETS.findIndex(([, hi]) => ns < hi);
      this.pauseCounts[i]++;
    }
    this.pausesSeen += fresh;
  }

  /** Appends program output (either descriptor) to the line buffer. */
  addOutput(b: Uint8Array): void {
    this.outputBytes += b.length;
    const text = this.partial + this.dec.decode(b, { stream: true });
    const parts = text.split("\n");
    this.partial = parts.pop() ?? "";
    for (const l of parts) push(this.lines, l, OUTPUT_LINES);
  }

  /** Output lines including an unfinished last line. */
  outputLines(): string[] {
    return this.partial === "" ? this.lines : [...this.lines, this.partial];
  }

  /** Moves the focus to the next pane (tab). */
  cycleFocus(): void {
    this.focus = PANES[(PANES.indexOf(this.focus) + 1) % PANES.length];
  }

  totalPauses(): number {
    return this.pausesSeen;
  }
}

function push(a: number[] | string[], v: number | string, cap = HISTORY): void {
  (a as (number | string)[]).push(v);
  if (a.length > cap) a.shift();
}
