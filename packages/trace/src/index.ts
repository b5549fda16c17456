/**
 * @gort/trace: Go 1.19 execution traces. parseTrace reads a trace file (written by Go or by
 * gort's runtime) into an ordered, checked, linked event list; the analyses turn that into the
 * reports of `gort trace`, and toPerfetto into Chrome trace-event JSON. See HACKING.md.
 */
export { Ev, EVENT_DESCS, type EventDesc, GCP, NetpollP, SyscallP, TimerP, ProfileP } from "./events.js";
export { TraceError } from "./errors.js";
export { type Trace, type Frame, TraceEvent, parseTrace, formatEvent, eventCounts } from "./parser.js";
export { type GStats, type GoroutineInfo, type GoroutineGroup, goroutineStats, groupByStartFunction, isSystemGoroutine } from "./goroutines.js";
export {
  type Summary, type PUtil, type LatencyReport, type Wakeup, type Histogram, type GCReport, type GCPause, type GCCycle,
  summarize, schedLatency, histogram, quantile, gcReport,
} from "./analyze.js";
export { type UtilPoint, type MMUPoint, mutatorUtilization, mmuAt, mmuCurve } from "./mmu.js";
export { type ChromeEvent, type ChromeTrace, type NestingViolation, toPerfetto, exportPerfetto, checkNesting, NestingChecker } from "./perfetto.js";
export { fmtDur, fmtBytes, formatSummary, formatGoroutines, formatLatency, formatGC, formatMMU, mmuSVG } from "./report.js";
