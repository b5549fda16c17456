/**
 * otelspans.ts — runtime/trace user annotations (tasks, regions, logs) as OpenTelemetry spans
 * (API only). The hook a runtime/trace implementation calls is `UserAnnotationSink`; this file
 * provides the OpenTelemetry implementation. Design and status: METRICS.md "Spans".
 *
 * MAPPING (Go's annotation model → spans):
 *   trace.NewTask(ctx, "T")        span "T" (attribute go.trace.task.id), child of the parent
 *                                  task's span when the parent task is known; ended by Task.End
 *   trace.StartRegion / WithRegion span "R" (go.trace.region = true, go.goroutine.id), child of
 *                                  the innermost open region of the same goroutine, else of its
 *                                  task's span (regions nest per goroutine, as Go requires)
 *   trace.Log / Logf               an event "log" on the innermost open region of the goroutine,
 *                                  else on the task's span (attributes go.trace.log.category,
 *                                  go.trace.log.message)
 *   a region ended out of order (Go's tracer tolerates it) ends the innermost region with that
 *   name; a task or region never ended stays open until `endAll()` (called at program exit).
 *
 * Ids: task ids are Go's uint64s passed as numbers or bigints (runtime/trace assigns small
 * integers); 0 means "no task" (the background task), as in Go.
 */
import type { Context, ContextAPI, Span, TraceAPI, Tracer } from "@opentelemetry/api";

/**
 * The two pieces of @opentelemetry/api this file calls, passed in by the caller (who has the API
 * loaded anyway): importing it here would load it on every run's startup (see otel.ts).
 */
export interface OtelContextApi {
  context: Pick<ContextAPI, "active">;
  trace: Pick<TraceAPI, "setSpan">;
}

/** What runtime/trace's natives report (one call per annotation; cheap when nobody listens). */
export interface UserAnnotationSink {
  taskCreate(goid: number, id: number | bigint, parentId: number | bigint, taskType: string): void;
  taskEnd(goid: number, id: number | bigint): void;
  /** mode 0: region start, 1: region end. */
  region(goid: number, taskId: number | bigint, mode: number | bigint, regionType: string): void;
  log(goid: number, taskId: number | bigint, category: string, message: string): void;
}

interface OpenRegion {
  name: string;
  span: Span;
}

/** Turns user annotations into spans on `tracer`. */
export class OtelAnnotationSpans implements UserAnnotationSink {
  private readonly tasks = new Map<string, Span>();
  private readonly regions = new Map<number, OpenRegion[]>();

  constructor(
    private readonly tracer: Tracer,
    private readonly api: OtelContextApi,
  ) {}

  /** The context whose active span is `parent` (or the active context). */
  private ctxFor(parent: Span | undefined): Context {
    const active = this.api.context.active();
    return parent !== undefined ? this.api.trace.setSpan(active, parent) : active;
  }

  taskCreate(goid: number, id: number | bigint, parentId: number | bigint, taskType: string): void {
    const parent = this.tasks.get(String(parentId));
    const ctx = this.ctxFor(parent);
    const span = this.tracer.startSpan(taskType, { attributes: { "go.trace.task.id": String(id), "go.goroutine.id": goid } }, ctx);
    this.tasks.set(String(id), span);
  }

  taskEnd(_goid: number, id: number | bigint): void {
    const span = this.tasks.get(String(id));
    if (span === undefined) return;
    this.tasks.delete(String(id));
    span.end();
  }

  region(goid: number, taskId: number | bigint, mode: number | bigint, regionType: string): void {
    let stack = this.regions.get(goid);
    if (Number(mode) === 0) {
      const parent = stack !== undefined && stack.length > 0 ? stack[stack.length - 1].span : this.tasks.get(String(taskId));
      const ctx = this.ctxFor(parent);
      const attributes: Record<string, string | number | boolean> = { "go.trace.region": true, "go.goroutine.id": goid };
      if (String(taskId) !== "0") attributes["go.trace.task.id"] = String(taskId);
      const span = this.tracer.startSpan(regionType, { attributes }, ctx);
      if (stack === undefined) this.regions.set(goid, (stack = []));
      stack.push({ name: regionType, span });
      return;
    }
    if (stack === undefined) return;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].name !== regionType) continue;
      stack[i].span.end();
      stack.splice(i, 1);
      break;
    }
    if (stack.length === 0) this.regions.delete(goid);
  }

  log(goid: number, taskId: number | bigint, category: string, message: string): void {
    const stack = this.regions.get(goid);
    const span = stack !== undefined && stack.length > 0 ? stack[stack.length - 1].span : this.tasks.get(String(taskId));
    if (span === undefined) return;
    span.addEvent("log", { "go.trace.log.category": category, "go.trace.log.message": message });
  }

  /** Ends every open region and task (program exit). */
  endAll(): void {
    for (const stack of this.regions.values()) for (let i = stack.length - 1; i >= 0; i--) stack[i].span.end();
    this.regions.clear();
    for (const span of this.tasks.values()) span.end();
    this.tasks.clear();
  }
}
