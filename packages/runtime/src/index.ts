/**
 * @gort/runtime — public surface: memory (heap, allocator, stacks, MemStats) and the collector.
 * `newMemory` builds a heap with its collector wired in; the VM and scheduler start there.
 */
export { DEBUG, FatalError, fatal, formatFatal, assert } from "./debug.js";
export { LinearMemory, ARENA_BYTES, MAX_MEMORY, MIN_LEGAL_POINTER, ZEROBASE } from "./mem.js";
export type { LinearMemoryOptions } from "./mem.js";
export * as sizeclasses from "./sizeclasses.js";
export { MHeap, HG_SWEEPGEN, HG_GCPHASE, HG_BLACKEN, HG_GC_RESERVED } from "./mheap.js";
export type { HeapReclaimer } from "./mheap.js";
export { MCentrals, BasicSweeper } from "./mcentral.js";
export type { SpanSweeper } from "./mcentral.js";
export { MCaches } from "./mcache.js";
export { Heap, MAX_ALLOC, roundupsize, sizeToClass } from "./malloc.js";
export type { HeapOptions, MallocHooks } from "./malloc.js";
export { heapBitIsPointer, heapBitsSetType, heapBitsSetTypeAt, ptrBitsBase, ptrWordIndex } from "./mbitmap.js";
export { TypeBuilder, readTypeDesc, PTR_SIZE } from "./typedesc.js";
export type { TypeDescInfo } from "./typedesc.js";
export { StackAllocator, StackMin, StackGuard, DefaultMaxStack } from "./stack.js";
export type { StackMapSource, StackAdjustHook } from "./stack.js";
export { memStatsFromCounters } from "./mstats.js";
export type { MemStats, MemStatsBySize } from "./mstats.js";
export { newMemory } from "./meminit.js";
export type { Memory, MemoryOptions } from "./meminit.js";

// ── collector ──
export { Collector, GC_OFF, GC_MARK, GC_MARKTERMINATION, parseGCDebug } from "./mgc.js";
export type { CollectorOptions, GCDebug, GCEventSink } from "./mgc.js";
export { GCController, readGOGC, readGOMEMLIMIT, parseByteCount, formatRuntimeFloat, malformedGOMEMLIMIT } from "./mgcpacer.js";
export { formatGCTrace, fmtNSAsMS, gctraceLineRE } from "./gctrace.js";
export { WriteBarrier } from "./mbarrier.js";
export { Marker } from "./mgcmark.js";
export type { GoroutineSource } from "./mgcmark.js";
export { Sweeper } from "./mgcsweep.js";
export { Finalizers, keepAlive } from "./mfinal.js";
export type { ReadyFinalizer } from "./mfinal.js";
export { runCheckmark } from "./mcheckmark.js";
export type { CheckmarkResult } from "./mcheckmark.js";
export { GCCPULimiter } from "./mgclimit.js";

// ── execution: the VM and the single-thread scheduler ──
export * from "./vm/index.js";
export { Sched, runGo } from "./proc.js";
export type { SchedOptions, RunGoOptions, RunGoResult } from "./proc.js";
export { RealClock, VirtualClock } from "./time.js";
export { startTrace, Tracer } from "./trace.js"; // execution tracer (Go 1.19 trace format)
export type { TraceOptions, TraceStats } from "./trace.js";
export type { TraceSink } from "./tracebuf.js";
export type { Clock } from "./time.js";

// ── host: the natives of packages os/syscall (args, env, fds) ──
export { hostNatives, processHostIO, HOST_NATIVE_NAMES } from "./host.js";
export type { HostIO } from "./host.js";
export { addReflectNatives, REFLECT_NATIVE_NAMES } from "./reflectrt.js";

// ── watching a running program: dashboard snapshots (snapshot.ts) ──
export { SnapshotMonitor, takeSnapshot, CTL_GC, CTL_STOP, CTL_REQ, CTL_WORDS, REQ_GOROUTINES, REQ_MEMSTATS, REQ_CAPTURE } from "./snapshot.js";
export type { RuntimeSnapshot, ProcSnapshot, GCSnapshot } from "./snapshot.js";
export type { GCTraceRecord } from "./gctrace.js";

// ── runtime/metrics and OpenTelemetry (metrics.ts, otel.ts; METRICS.md) ──
export { METRICS, METRIC_INDEX, RuntimeMetrics, SchedLatency, metricBuckets, sizeHistogramBuckets, KIND_BAD, KIND_UINT64, KIND_FLOAT64, KIND_HISTOGRAM } from "./metrics.js";
export type { MetricDesc, MetricsSnapshot } from "./metrics.js";
export { TimeHistogram, timeHistogramBuckets } from "./metricshist.js";
export { registerGoRuntimeMetrics, GO_RUNTIME_INSTRUMENTS } from "./otel.js";
export type { GoInstrumentSpec, GoRuntimeMetricsOptions, GoRuntimeMetricsRegistration } from "./otel.js";

// ── profiling (prof.ts): raw profiles for packages/pprof, host setup ──
export { Profiler } from "./prof.js";
export type { RawProfile, RawSample, RawFrame, ProfileSetup, ProfileEncoder } from "./prof.js";
export { OtelAnnotationSpans } from "./otelspans.js";
export type { OtelContextApi, UserAnnotationSink } from "./otelspans.js";
export { applySandbox, SANDBOXED_NATIVES } from "./sandbox.js";
export type { SandboxPolicy } from "./sandbox.js";
export { listenSignals, setSignalBridge, SIGNAL_BRIDGE_WORDS } from "./signal.js"; // os/signal bridge (host6)
export { setDirectStdio } from "./hostproc.js"; // children inherit fds 1/2 (host6)
