/**
 * `gort run --otel=otlp` end to end: the CLI (scripts/dev-gort.mjs, the esbuild bundle of these
 * sources — a worker thread cannot load the .ts modules vitest runs) exports to an OTLP/HTTP
 * receiver on loopback, periodically while the program runs and once more at exit.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { otelMode, startOtelFlag } from "./runotel.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * The program keeps a second goroutine alive until the receiver has seen an export taken during
 * the run (the test then creates the flag file), so the check does not depend on how fast the
 * exporter thread starts on a loaded machine.
 */
const PROG = `package main

import (
	"fmt"
	"os"
	"time"
)

var sink [][]byte

func main() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		defer close(done)
		for v := range c {
			sink = append(sink, make([]byte, 64+v%512))
			if len(sink) > 2000 {
				sink = nil
			}
		}
	}()
	start := time.Now()
	n := 0
	for {
		for i := 0; i < 1000; i++ {
			c <- n
			n++
		}
		if _, err := os.ReadFile(os.Args[1]); err == nil || time.Since(start) > 60*time.Second {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(c)
	<-done
	fmt.Println("done", n > 0)
}
`;

const DEFAULT_NAMES = [
  "go.memory.used",
  "go.memory.limit",
  "go.memory.allocated",
  "go.memory.allocations",
  "go.memory.gc.goal",
  "go.goroutine.count",
  "go.processor.limit",
  "go.schedule.duration",
  "go.config.gogc",
];

interface OtlpJson {
  resourceMetrics?: { scopeMetrics?: { metrics?: { name: string; unit?: string }[] }[] }[];
}

function goroutineCount(b: OtlpJson): number {
  const m = b.resourceMetrics?.[0]?.scopeMetrics?.[0]?.metrics?.find((x) => x.name === "go.goroutine.count") as unknown as
    | { sum: { dataPoints: { asInt: string | number }[] } }
    | undefined;
  return m !== undefined ? Number(m.sum.dataPoints[0].asInt) : -1;
}

describe("gort run --otel", () => {
  it("rejects an unknown --otel value like go's flag package", () => {
    expect(otelMode("otlp")).toBe("otlp");
    expect(startOtelFlag("bogus", {}, () => {})).toBe('invalid value "bogus" for flag -otel: want otlp, console or none\n');
    expect(startOtelFlag("none", {}, () => {})).toBeNull();
  });

  it("delivers the nine default Go runtime metrics to a local OTLP/HTTP receiver, periodically and at exit", async () => {
    const bodies: OtlpJson[] = [];
    const paths: string[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-otlp-"));
    const flag = path.join(dir, "flag");
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        paths.push(`${req.method} ${req.url} ${req.headers["content-type"]}`);
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpJson;
        bodies.push(body);
        if (goroutineCount(body) === 2) fs.writeFileSync(flag, "seen\n"); // an export from during the run
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    fs.writeFileSync(path.join(dir, "main.go"), PROG);
    const env = {
      ...process.env,
      GORTCACHE: "off",
      GOMEMLIMIT: "512MiB",
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_METRIC_EXPORT_INTERVAL: "300",
    };
    const r = await new Promise<{ code: number; out: string; err: string }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, "scripts/dev-gort.mjs"), "run", "--otel=otlp", "main.go", flag], { cwd: dir, env, timeout: 110_000 }, (e, out, err) =>
        resolve({ code: e === null ? 0 : typeof e.code === "number" ? e.code : -1, out, err }),
      );
    });
    server.close();
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe("done true\n");
    expect(paths[0]).toBe("POST /v1/metrics application/json");
    // periodic exports during the run (they see main and the receiving goroutine), plus the
    // final one at exit (main alone)
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    const goroutines = bodies.map(goroutineCount);
    expect(goroutines).toContain(2);
    expect(goroutines[goroutines.length - 1]).toBe(1);
    const seen = new Map<string, string | undefined>();
    for (const b of bodies)
      for (const rm of b.resourceMetrics ?? []) for (const sm of rm.scopeMetrics ?? []) for (const m of sm.metrics ?? []) seen.set(m.name, m.unit);
    for (const n of DEFAULT_NAMES) expect(seen.has(n), n).toBe(true);
    expect(seen.get("go.memory.used")).toBe("By");
    expect(seen.get("go.schedule.duration")).toBe("s");
    const last = bodies[bodies.length - 1].resourceMetrics![0].scopeMetrics![0].metrics!;
    const gc = last.find((m) => m.name === "go.memory.limit") as unknown as { sum: { dataPoints: { asInt: string | number }[] } };
    expect(Number(gc.sum.dataPoints[0].asInt)).toBe(512 * 1024 * 1024);
  }, 120_000);

  it("turns runtime/trace tasks, regions and logs into spans (OTLP/HTTP /v1/traces)", async () => {
    type Span = { name: string; spanId: string; parentSpanId?: string; events?: { name: string }[] };
    const spans: Span[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.url === "/v1/traces") {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans?: { scopeSpans?: { spans?: Span[] }[] }[] };
          for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-otlp-spans-"));
    fs.writeFileSync(
      path.join(dir, "main.go"),
      `package main

import (
	"context"
	"runtime/trace"
)

func main() {
	ctx, task := trace.NewTask(context.Background(), "order")
	trace.WithRegion(ctx, "validate", func() { trace.Log(ctx, "item", "widget") })
	r := trace.StartRegion(ctx, "ship")
	r.End()
	task.End()
	println("done")
}
`,
    );
    const env = { ...process.env, GORTCACHE: "off", OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` };
    const r = await new Promise<{ code: number; err: string }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, "scripts/dev-gort.mjs"), "run", "--otel=otlp", "main.go"], { cwd: dir, env, timeout: 55_000 }, (e, _out, err) =>
        resolve({ code: e === null ? 0 : typeof e.code === "number" ? e.code : -1, err }),
      );
    });
    server.close();
    expect(r.err).toBe("done\n");
    expect(r.code).toBe(0);
    const byName = new Map(spans.map((sp) => [sp.name, sp]));
    expect([...byName.keys()].sort()).toEqual(["order", "ship", "validate"]);
    const order = byName.get("order")!;
    expect(order.parentSpanId ?? "").toBe("");
    expect(byName.get("validate")!.parentSpanId).toBe(order.spanId);
    expect(byName.get("ship")!.parentSpanId).toBe(order.spanId);
    expect(byName.get("validate")!.events?.map((e) => e.name)).toEqual(["log"]);
  }, 58_000);
});
