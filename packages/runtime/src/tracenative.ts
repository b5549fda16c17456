/**
 * tracenative.ts — the natives of package runtime/trace (packages/stdlib/go/runtime/trace):
 * starting and stopping the execution tracer from Go, the reader that hands trace bytes to
 * the program's io.Writer, and the user annotations (tasks, regions, logs). Go's runtime/trace
 * reaches the runtime through runtime.StartTrace/ReadTrace/StopTrace and linknamed
 * userTaskCreate/… functions; gort binds the same roles under runtime/trace's own names.
 *
 * READER. `Start` runs a goroutine looping on `readTrace(buf)`: the native copies queued trace
 * bytes into buf and returns the count; with nothing queued it parks the goroutine (wait reason
 * "trace reader (blocked)", shown as GoBlock in the trace, as Go's) and the scheduler readies it
 * when a buffer fills (`Tracer.pollReader` from findRunnable); after `stopTrace` it returns 0
 * once everything was read. Parking natives re-execute on resumption (SCHED.md), so the native
 * simply runs again.
 *
 * Argument layout (vm/interp.ts NativeFn): 8-byte slots; uint64 one slot; string (ptr, len)
 * two; []byte (ptr, len, cap) three.
 */

import type { NativeFn } from "./vm/interp.js";
import type { Sched } from "./proc.js";
import { startTrace } from "./trace.js";
import { G_GOID, G_STATUS, GWAITING } from "./vm/g.js";
import { WaitReason } from "./runtime2.js";

const utf8 = new TextDecoder("utf-8");

/** Names of the natives below (stdlib NATIVES.md lists them). */
export const TRACE_NATIVE_NAMES = [
  "runtime/trace.startTrace",
  "runtime/trace.stopTrace",
  "runtime/trace.readTrace",
  "runtime/trace.isEnabled",
  "runtime/trace.annotating",
  "runtime/trace.userTaskCreate",
  "runtime/trace.userTaskEnd",
  "runtime/trace.userRegion",
  "runtime/trace.userLog",
] as const;

/** Adds runtime/trace's natives to `m`. */
export function addTraceNatives(sched: Sched, m: Map<string, NativeFn>): void {
  const str = (at: number): string => {
    const mem = sched.mem;
    const p = mem.u32[at >>> 2];
    const n = Number(mem.i64[(at + 8) >>> 3]);
    return n === 0 ? "" : utf8.decode(mem.u8.subarray(p, p + n));
  };
  const u64 = (at: number): number => Number(sched.mem.i64[at >>> 3]);

  // startTrace() bool: false when a trace already runs (`gort run --trace`, or a second Start).
  m.set("runtime/trace.startTrace", (vm, _g, _args, res) => {
    vm.mem.i64[res >>> 3] = startTrace(sched, null) !== null ? 1n : 0n;
  });
  // stopTrace(): ends the trace (footer queued) and wakes the reader so it drains the rest.
  m.set("runtime/trace.stopTrace", () => {
    const t = sched.tracer;
    if (t === null) return;
    t.stop();
    if (!t.queued) return; // `gort run --trace`'s tracer: its bytes went to the file already
    if (t.readerG !== 0) {
      const r = t.readerG;
      t.readerG = 0;
      if (sched.mem.u32[(r + G_STATUS) >>> 2] === GWAITING) sched.goready(r);
    }
    stopped.push(t);
  });
  // Tracers stopped but not fully read, oldest first (a reader outlives its tracer's stop).
  const stopped: NonNullable<Sched["tracer"]>[] = [];
  // readTrace(buf []byte) int: bytes copied; 0 = the trace is over; parks while nothing is queued.
  m.set("runtime/trace.readTrace", (vm, g, args, res) => {
    const mem = vm.mem;
    const p = mem.u32[args >>> 2];
    const n = Number(mem.i64[(args + 8) >>> 3]);
    const t = stopped.length > 0 ? stopped[0] : sched.tracer;
    if (t === null) {
      mem.i64[res >>> 3] = 0n;
      return;
    }
    const k = t.readInto(p, n);
    if (k > 0) {
      mem.i64[res >>> 3] = BigInt(k);
      return;
    }
    if (t.stopped) {
      stopped.shift();
      mem.i64[res >>> 3] = 0n;
      return;
    }
    t.readerG = g;
    sched.gopark(g, WaitReason.TraceReaderBlocked);
  });
  m.set("runtime/trace.isEnabled", (vm, _g, _args, res) => {
    vm.mem.i64[res >>> 3] = sched.tracer !== null ? 1n : 0n;
  });
  // annotating() bool: someone records annotations — the tracer, or the OpenTelemetry span sink
  // (Sched.userAnnotations, otelspans.ts). StartRegion and Logf test this instead of IsEnabled so
  // spans work without a trace; with no span sink it is exactly IsEnabled (Go's behaviour).
  m.set("runtime/trace.annotating", (vm, _g, _args, res) => {
    vm.mem.i64[res >>> 3] = sched.tracer !== null || sched.userAnnotations !== null ? 1n : 0n;
  });
  const goid = (g: number): number => sched.mem.u32[(g + G_GOID) >>> 2];
  // Each annotation goes to the tracer and to the span sink, whichever are installed.
  // userTaskCreate(id, parentID uint64, taskType string)
  m.set("runtime/trace.userTaskCreate", (_vm, g, args) => {
    const t = sched.tracer;
    const a = sched.userAnnotations;
    if (t === null && a === null) return;
    const name = str(args + 16);
    if (t !== null) t.userTaskCreate(g, u64(args), u64(args + 8), name);
    if (a !== null) a.taskCreate(goid(g), u64(args), u64(args + 8), name);
  });
  // userTaskEnd(id uint64)
  m.set("runtime/trace.userTaskEnd", (_vm, g, args) => {
    const t = sched.tracer;
    if (t !== null) t.userTaskEnd(g, u64(args));
    const a = sched.userAnnotations;
    if (a !== null) a.taskEnd(goid(g), u64(args));
  });
  // userRegion(id, mode uint64, regionType string)
  m.set("runtime/trace.userRegion", (_vm, g, args) => {
    const t = sched.tracer;
    const a = sched.userAnnotations;
    if (t === null && a === null) return;
    const name = str(args + 16);
    if (t !== null) t.userRegion(g, u64(args), u64(args + 8), name);
    if (a !== null) a.region(goid(g), u64(args), u64(args + 8), name);
  });
  // userLog(id uint64, category, message string)
  m.set("runtime/trace.userLog", (_vm, g, args) => {
    const t = sched.tracer;
    const a = sched.userAnnotations;
    if (t === null && a === null) return;
    const cat = str(args + 8);
    const msg = str(args + 24);
    if (t !== null) t.userLog(g, u64(args), cat, msg);
    if (a !== null) a.log(goid(g), u64(args), cat, msg);
  });
}
