/**
 * panels.tsx — the ink components of `gort run --dash`: the scheduler panel (a row per P with
 * its status, current goroutine and local run-queue bar; the global queue; Ms; a goroutine-count
 * sparkline), the GC panel (recent cycles as a gctrace table, heap live/goal sparkline, pause
 * histogram, GC CPU share), the program's output pane, and the key help line. Everything is
 * drawn from a DashModel (model.ts); the focused pane (tab) gets a highlighted border and, for
 * the output pane, more rows.
 */
import type { ReactElement } from "react";
import { Box, Text, useInput } from "ink";
import type { GCTraceRecord } from "@gort/runtime";
import { bar, fmtBytes, fmtNs, sparkline } from "./format.js";
import { PAUSE_BUCKETS, type DashModel, type Pane } from "./model.js";

export interface DashboardProps {
  model: DashModel;
  /** terminal size */
  columns: number;
  rows: number;
  /** program name shown in the title */
  title: string;
  onKey?: (key: string) => void;
}

const RUNQ_BAR = 20;

function border(focus: Pane, me: Pane): string {
  return focus === me ? "cyan" : "gray";
}

export function SchedPanel({ model, width, height }: { model: DashModel; width: number; height: number }) {
  const s = model.snap;
  const rows: ReactElement[] = [];
  if (s !== null) {
    const maxq = Math.max(8, ...s.procs.map((p) => p.runq));
    const pRows = Math.max(1, height - 6);
    for (const p of s.procs.slice(0, pRows)) {
      rows.push(
        <Text key={`p${p.id}`}>
          <Text bold>{`P${p.id}`.padEnd(4)}</Text>
          <Text color={p.status === "running" ? "green" : p.status === "idle" ? "gray" : "yellow"}>{p.status.padEnd(8)}</Text>
          {(p.curg !== 0 ? `g${p.curg}` : "-").padEnd(9)}
          {"runq "}
          <Text color="blue">{bar(p.runq, maxq, RUNQ_BAR)}</Text>
          {` ${String(p.runq).padStart(3)}${p.runnext ? " +next" : ""}`}
        </Text>,
      );
    }
    if (s.procs.length > pRows) rows.push(<Text key="more" dimColor>{`… ${s.procs.length - pRows} more Ps`}</Text>);
  }
  const spark = sparkline(model.goroutines, Math.max(10, width - 24));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border(model.focus, "sched")} width={width} height={height} paddingX={1}>
      <Text bold>Scheduler</Text>
      {s === null ? (
        <Text dimColor>waiting for the first snapshot…</Text>
      ) : (
        <>
          <Text>
            {"GOMAXPROCS "}
            <Text bold>{s.gomaxprocs}</Text>
            {"  goroutines "}
            <Text bold>{s.goroutines}</Text>
            {"  global runq "}
            <Text bold>{s.globalRunq}</Text>
            {`  Ms ${s.runningThreads} running ${s.spinningThreads} spinning ${s.idleThreads} idle`}
          </Text>
          {rows}
          <Text>
            {"goroutines "}
            <Text color="magenta">{spark}</Text>
            {` max ${Math.max(0, ...model.goroutines)}`}
          </Text>
        </>
      )}
    </Box>
  );
}

/** One gctrace-like row: cycle, start time, CPU %, clock phases, heap sizes, goal. */
function cycleRow(r: GCTraceRecord): string {
  const mb = (n: number | bigint) => String(Math.floor(Number(n) / (1 << 20)));
  const clock = `${fmtMs(r.sweepTermNs)}+${fmtMs(r.markNs)}+${fmtMs(r.markTermNs)}`;
  return [
    String(r.cycle).padStart(4),
    `@${(r.sinceInitNs / 1e9).toFixed(3)}s`.padStart(10),
    `${Math.floor(r.cpuFraction * 100)}%`.padStart(4),
    clock.padStart(20),
    `${mb(r.heap0)}->${mb(r.heap1)}->${mb(r.heap2)} MB`.padStart(16),
    `${mb(r.goal)} MB`.padStart(8),
    r.forced ? " (forced)" : "",
  ].join(" ");
}

function fmtMs(ns: number): string {
  const ms = ns / 1e6;
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
}

export function GCPanel({ model, width, height }: { model: DashModel; width: number; height: number }) {
  const gc = model.snap?.gc ?? null;
  const inner = width - 4;
  if (gc === null) {
    return (
      <Box flexDirection="column" borderStyle="round" borderColor={border(model.focus, "gc")} width={width} height={height} paddingX={1}>
        <Text bold>Garbage collector</Text>
        <Text dimColor>{model.snap === null ? "waiting for the first snapshot…" : "collector off"}</Text>
      </Box>
    );
  }
  const cycleRows = Math.max(0, height - 12);
  const cycles = gc.cycles.slice(-cycleRows);
  const maxCount = Math.max(1, ...model.pauseCounts);
  const top = Math.max(1, ...model.heapGoal, ...model.heapLive);
  const sparkW = Math.max(10, inner - 16);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border(model.focus, "gc")} width={width} height={height} paddingX={1}>
      <Text bold>Garbage collector</Text>
      <Text>
        {"cycles "}
        <Text bold>{gc.numGC}</Text>
        {` (forced ${gc.numForcedGC})  GOGC ${gc.gogc < 0 ? "off" : gc.gogc}  GC CPU `}
        <Text bold color={gc.gcCPUFraction > 0.25 ? "red" : "green"}>{`${(gc.gcCPUFraction * 100).toFixed(1)}%`}</Text>
        {`  pauses ${fmtNs(gc.pauseTotalNs)} total`}
      </Text>
      <Text>
        {"heap live "}
        <Text bold>{fmtBytes(gc.heapAlloc)}</Text>
        {"  goal "}
        <Text bold>{fmtBytes(gc.heapGoal)}</Text>
        {`  objects ${gc.heapObjects}  stacks ${fmtBytes(gc.stackInuse)}  sys ${fmtBytes(gc.sys)}`}
      </Text>
      <Text>
        {"live ".padEnd(6)}
        <Text color="green">{sparkline(model.heapLive, sparkW, top)}</Text>
      </Text>
      <Text>
        {"goal ".padEnd(6)}
        <Text color="yellow">{sparkline(model.heapGoal, sparkW, top)}</Text>
      </Text>
      <Text dimColor>{"  gc      start  cpu  clock ms (stw+mark+stw)     heap 0->1->2    goal"}</Text>
      {cycles.length === 0 ? <Text dimColor>no cycle yet</Text> : cycles.map((r) => <Text key={`c${r.cycle}`}>{cycleRow(r)}</Text>)}
      <Text dimColor>{`pauses (stop the world), ${model.totalPauses()} seen:`}</Text>
      <Box flexDirection="row" flexWrap="wrap">
        {PAUSE_BUCKETS.map(([label], i) => (
          <Text key={label}>
            {` ${label} `}
            <Text color="cyan">{bar(model.pauseCounts[i], maxCount, 4)}</Text>
            {` ${model.pauseCounts[i]}`}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

export function OutputPane({ model, width, height }: { model: DashModel; width: number; height: number }) {
  const lines = model.outputLines().slice(-Math.max(1, height - 3));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border(model.focus, "output")} width={width} height={height} paddingX={1}>
      <Text bold>
        {"Program output "}
        <Text dimColor>{`(${fmtBytes(model.outputBytes)})`}</Text>
      </Text>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          {l === "" ? " " : l}
        </Text>
      ))}
    </Box>
  );
}

export function Dashboard({ model, columns, rows, title, onKey }: DashboardProps) {
  useInput((input, key) => {
    if (onKey === undefined) return;
    if (key.tab) onKey("tab");
    else if (key.ctrl && input === "c") onKey("q");
    else onKey(input);
  });
  const s = model.snap;
  const topH = Math.max(12, Math.min(rows - 8, model.focus === "output" ? Math.floor(rows / 3) : Math.floor((rows * 3) / 5)));
  // title + panels + output + key line, one row short of the screen (a full screen scrolls)
  const outH = Math.max(4, rows - topH - 3);
  const half = Math.floor(columns / 2);
  const status =
    model.exitCode !== null ? `exited with status ${model.exitCode}` : model.paused ? "view paused (p resumes)" : "running";
  return (
    <Box flexDirection="column" width={columns}>
      <Text>
        <Text bold color="cyan">
          {"gort "}
        </Text>
        {title}
        {s !== null ? `  t=${(s.timeNs / 1e9).toFixed(1)}s` : ""}
        {"  "}
        <Text color={model.exitCode !== null ? "yellow" : "green"}>{status}</Text>
        {model.message !== "" ? `  ${model.message}` : ""}
      </Text>
      <Box flexDirection="row">
        <SchedPanel model={model} width={half} height={topH} />
        <GCPanel model={model} width={columns - half} height={topH} />
      </Box>
      <OutputPane model={model} width={columns} height={outH} />
      <Text dimColor>q quit · p pause view · g force GC · s save CPU profile + trace (5 s) · tab next pane</Text>
    </Box>
  );
}
