import { describe, expect, it } from "vitest";
import { context, trace, type Context, type Span, type SpanOptions, type Tracer } from "@opentelemetry/api";
import { OtelAnnotationSpans } from "./otelspans.js";

interface Rec {
  name: string;
  parent: string | null;
  attrs: Record<string, unknown>;
  events: { name: string; attrs: Record<string, unknown> }[];
  ended: boolean;
}

/** A Tracer recording spans, their parents (from the context) and events. */
function recordingTracer(): { tracer: Tracer; spans: Rec[] } {
  const spans: Rec[] = [];
  const names = new WeakMap<Span, Rec>();
  const tracer = {
    startSpan(name: string, opts?: SpanOptions, ctx?: Context): Span {
      const p = ctx !== undefined ? trace.getSpan(ctx) : undefined;
      const rec: Rec = { name, parent: p !== undefined ? (names.get(p)?.name ?? "?") : null, attrs: { ...(opts?.attributes ?? {}) }, events: [], ended: false };
      spans.push(rec);
      const span = {
        end: () => void (rec.ended = true),
        addEvent: (n: string, a?: Record<string, unknown>) => {
          rec.events.push({ name: n, attrs: a ?? {} });
          return span;
        },
      } as unknown as Span;
      names.set(span, rec);
      return span;
    },
  } as unknown as Tracer;
  return { tracer, spans };
}

describe("runtime/trace annotations as spans", () => {
  it("nests tasks, regions per goroutine, and logs as events", () => {
    const { tracer, spans } = recordingTracer();
    const s = new OtelAnnotationSpans(tracer, { context, trace });
    s.taskCreate(1, 1, 0, "makeCoffee");
    s.taskCreate(1, 2, 1, "grind");
    s.region(1, 1, 0, "boil");
    s.region(1, 1, 0, "pour");
    s.log(1, 1, "temp", "93C");
    s.region(5, 2, 0, "beans"); // another goroutine: under task 2, not under goroutine 1's regions
    s.region(1, 1, 1, "pour");
    s.region(1, 1, 1, "boil");
    s.region(5, 2, 1, "beans");
    s.taskEnd(1, 2);
    s.log(1, 1, "", "done");
    expect(spans.map((r) => [r.name, r.parent])).toEqual([
      ["makeCoffee", null],
      ["grind", "makeCoffee"],
      ["boil", "makeCoffee"],
      ["pour", "boil"],
      ["beans", "grind"],
    ]);
    expect(spans.find((r) => r.name === "pour")!.events).toEqual([{ name: "log", attrs: { "go.trace.log.category": "temp", "go.trace.log.message": "93C" } }]);
    expect(spans.find((r) => r.name === "makeCoffee")!.events.length).toBe(1);
    expect(spans.filter((r) => r.ended).map((r) => r.name)).toEqual(["grind", "boil", "pour", "beans"]);
    expect(spans.find((r) => r.name === "beans")!.attrs).toEqual({ "go.trace.region": true, "go.goroutine.id": 5, "go.trace.task.id": "2" });
    s.endAll();
    expect(spans.every((r) => r.ended)).toBe(true);
  });
});
