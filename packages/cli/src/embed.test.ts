/**
 * The embedding API with the OpenTelemetry SDK's in-memory exporter: the Go runtime instruments
 * (semantic-convention names and units) report, after the run, exactly what runtime.ReadMemStats
 * and runtime/metrics said at the program's last statement (the program prints them with the
 * println builtin, which allocates nothing, so no figure moves after it reads them).
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type MetricData } from "@opentelemetry/sdk-metrics";
import { run } from "./embed.js";

const PROG = `package main

import (
	"runtime"
	"runtime/metrics"
)

var sink [][]byte

func main() {
	for i := 0; i < 3000; i++ {
		sink = append(sink, make([]byte, 256))
		if len(sink) > 300 {
			sink = nil
		}
	}
	// goroutines handing a token around: scheduling latencies to sample
	c := make(chan int)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for v := range c {
				_ = v
			}
			done <- true
		}()
	}
	for i := 0; i < 1000; i++ { // ~2000 switches: dozens of samples at 1 in 64
		c <- i
	}
	close(c)
	for g := 0; g < 4; g++ {
		<-done
	}
	runtime.GC()
	h := []metrics.Sample{{Name: "/sched/latencies:seconds"}, {Name: "/gc/pauses:seconds"}}
	metrics.Read(h)
	var lat, pauses uint64
	for _, c := range h[0].Value.Float64Histogram().Counts {
		lat += c
	}
	for _, c := range h[1].Value.Float64Histogram().Counts {
		pauses += c
	}
	// the tiny count first: gort's compiler heap-allocates the receiver copy of Value.Uint64
	// here (24 bytes, not a tiny allocation), which must happen before ReadMemStats
	tiny := []metrics.Sample{{Name: "/gc/heap/tiny/allocs:objects"}}
	metrics.Read(tiny)
	ntiny := tiny[0].Value.Uint64()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	println("TotalAlloc", ms.TotalAlloc)
	println("Mallocs", ms.Mallocs)
	println("Tiny", ntiny)
	println("NextGC", ms.NextGC)
	println("Sys", ms.Sys)
	println("HeapReleased", ms.HeapReleased)
	println("StackInuse", ms.StackInuse)
	println("StackSys", ms.StackSys)
	println("NumGC", ms.NumGC)
	println("NumGoroutine", runtime.NumGoroutine())
	println("GOMAXPROCS", runtime.GOMAXPROCS(0))
	println("Latencies", lat)
	println("Pauses", pauses)
}
`;

function point(ms: MetricData[], name: string, attr?: [string, string]): number {
  const m = ms.find((x) => x.descriptor.name === name);
  if (m === undefined) throw new Error(`no metric ${name}`);
  const dp = m.dataPoints.find((d) => attr === undefined || d.attributes[attr[0]] === attr[1]);
  if (dp === undefined) throw new Error(`no data point ${name} ${attr?.join("=")}`);
  const v = dp.value;
  return typeof v === "number" ? v : (v as { count: number }).count;
}

describe("embedding API: run(file, { meterProvider })", () => {
  it("exports the Go runtime instruments with values equal to ReadMemStats at exit", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-embed-"));
    fs.writeFileSync(path.join(dir, "main.go"), PROG);
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ readers: [reader] });
    let out = "";
    let err = "";
    const res = await run("main.go", {
      cwd: dir,
      env: { GORTCACHE: "off", GOGC: "50", GOMEMLIMIT: "1GiB", GOMAXPROCS: "3" },
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      meterProvider: provider,
      optInMetrics: true,
    });
    expect(res.exitCode, err).toBe(0);
    expect(out).toBe("");
    const go: Record<string, number> = {};
    for (const line of err.trim().split("\n")) {
      const [k, v] = line.split(" ");
      go[k] = Number(v);
    }
    await provider.forceFlush();
    const ms = exporter.getMetrics().flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics));
    const names = new Set(ms.map((m) => m.descriptor.name));
    for (const n of [
      "go.memory.used",
      "go.memory.limit",
      "go.memory.allocated",
      "go.memory.allocations",
      "go.memory.gc.goal",
      "go.goroutine.count",
      "go.processor.limit",
      "go.schedule.duration",
      "go.config.gogc",
      "go.memory.gc.cycles",
      "go.memory.gc.pause.duration",
      "go.cpu.time",
    ])
      expect(names.has(n), n).toBe(true);
    const unit = (n: string): string => ms.find((m) => m.descriptor.name === n)!.descriptor.unit;
    expect([unit("go.memory.used"), unit("go.memory.allocations"), unit("go.goroutine.count"), unit("go.processor.limit")]).toEqual(["By", "{allocation}", "{goroutine}", "{thread}"]);
    expect([unit("go.schedule.duration"), unit("go.config.gogc"), unit("go.memory.gc.cycles"), unit("go.cpu.time")]).toEqual(["s", "%", "{gc_cycle}", "s"]);

    expect(point(ms, "go.memory.allocated")).toBe(go.TotalAlloc);
    expect(point(ms, "go.memory.allocations")).toBe(go.Mallocs - go.Tiny);
    expect(point(ms, "go.memory.gc.goal")).toBe(go.NextGC);
    expect(point(ms, "go.memory.used", ["go.memory.type", "stack"])).toBe(go.StackInuse);
    expect(point(ms, "go.memory.used", ["go.memory.type", "other"])).toBe(go.Sys - go.HeapReleased - go.StackInuse);
    expect(point(ms, "go.goroutine.count")).toBe(go.NumGoroutine);
    expect(point(ms, "go.processor.limit")).toBe(go.GOMAXPROCS);
    expect(go.GOMAXPROCS).toBe(3);
    expect(point(ms, "go.config.gogc")).toBe(50);
    expect(point(ms, "go.memory.limit")).toBe(1 << 30);
    expect(point(ms, "go.memory.gc.cycles")).toBe(go.NumGC);
    expect(go.NumGC).toBeGreaterThan(0);
    expect(point(ms, "go.memory.gc.pause.duration")).toBe(go.Pauses);
    expect(go.Pauses).toBe(2 * go.NumGC);
    // Latencies sampled after the program's read (a budget-end requeue) may add a few.
    expect(go.Latencies).toBeGreaterThan(0);
    expect(point(ms, "go.schedule.duration")).toBeGreaterThanOrEqual(go.Latencies);
    expect(res.metrics).not.toBeNull();
    res.unregister();
    await provider.shutdown();
  }, 120_000);
});
