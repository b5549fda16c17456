/**
 * The embedding API's worker mode: the program runs on a worker thread, the host's event loop
 * stays free, and its SDK exports the Go runtime instruments periodically *during* the run.
 * A worker cannot load the .ts sources vitest runs, so the test bundles embed.ts with esbuild
 * (as scripts/dev-gort.mjs does) and imports the bundle.
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type MetricData } from "@opentelemetry/sdk-metrics";
import type { run as runFn } from "./embed.js";
import { findEsbuild, sourceBundleOptions, srcPath } from "../../../scripts/srcbundle.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

async function bundleEmbed(): Promise<typeof runFn> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gort-embed-bundle-")), "embed.mjs");
  findEsbuild().buildSync({ ...sourceBundleOptions(), entryPoints: [srcPath("cli", "embed.ts")], outfile: out });
  return ((await import(pathToFileURL(out).href)) as { run: typeof runFn }).run;
}

const PROG = `package main

import (
	"fmt"
	"time"
)

var sink [][]byte

func main() {
	start := time.Now()
	c := make(chan int)
	done := make(chan bool)
	go func() {
		defer close(done)
		for v := range c {
			sink = append(sink, make([]byte, 64+v%256))
			if len(sink) > 1000 {
				sink = nil
			}
		}
	}()
	n := 0
	for time.Since(start) < 1200*time.Millisecond {
		c <- n
		n++
	}
	close(c)
	<-done
	fmt.Println("done", n > 0)
}
`;

function value(batch: MetricData[], name: string): number | undefined {
  const m = batch.find((x) => x.descriptor.name === name);
  const v = m?.dataPoints[0]?.value;
  return typeof v === "number" ? v : undefined;
}

describe("embedding API, worker mode", () => {
  it("exports the runtime instruments periodically while the program runs", async () => {
    const run = await bundleEmbed();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-embedw-"));
    fs.writeFileSync(path.join(dir, "main.go"), PROG);
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const provider = new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 100 })] });
    let out = "";
    let err = "";
    const res = await run("main.go", {
      thread: "worker",
      cwd: dir,
      env: { GORTCACHE: "off", GORT_STDLIB: path.join(ROOT, "packages/stdlib/go") },
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      meterProvider: provider,
    });
    await provider.forceFlush();
    expect(err).toBe("");
    expect(out).toBe("done true\n");
    expect(res.exitCode).toBe(0);
    const batches = exporter.getMetrics().map((r) => r.scopeMetrics.flatMap((s) => s.metrics));
    const goroutines = batches.map((b) => value(b, "go.goroutine.count")).filter((v) => v !== undefined);
    const allocated = batches.map((b) => value(b, "go.memory.allocated")).filter((v): v is number => v !== undefined);
    // during the run: main and the receiver; after it: main alone
    expect(goroutines).toContain(2);
    expect(goroutines[goroutines.length - 1]).toBe(1);
    // a cumulative counter observed several times while the program allocates
    expect(new Set(allocated).size).toBeGreaterThan(2);
    for (let i = 1; i < allocated.length; i++) expect(allocated[i]).toBeGreaterThanOrEqual(allocated[i - 1]);
    // scalars[5] = /gc/heap/allocs:bytes (Go 1.19's sorted table, metrics.ts METRICS)
    expect(allocated[allocated.length - 1]).toBe(res.metrics!.scalars[5]);
    res.unregister();
    await provider.shutdown();
  }, 120_000);
});
