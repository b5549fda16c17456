import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { goroutineStats, groupByStartFunction } from "./goroutines.js";
import { parseTrace } from "./parser.js";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "testdata");

/** Every test trace with Go's oracle files: Go-written ones in testdata/, gort-written in testdata/gort/. */
function oracleTraces(): { name: string; base: string }[] {
  const out: { name: string; base: string }[] = [];
  for (const dir of [testdata, path.join(testdata, "gort")]) {
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith(".d.gz")) out.push({ name: path.relative(testdata, path.join(dir, f.slice(0, -5))), base: path.join(dir, f.slice(0, -5)) });
    }
  }
  return out;
}

/** Go's cmd/trace niceDuration: truncated to ns below 10µs, µs below 10ms, ms below 10s. */
function niceDuration(ns: number): string {
  if (ns < 10e3) return `${Math.trunc(ns)}ns`;
  if (ns < 10e6) return `${Math.trunc(ns / 1e3)}µs`;
  if (ns < 10e9) return `${Math.trunc(ns / 1e6)}ms`;
  return `${Math.trunc(ns / 1e9)}s `;
}

describe("goroutine analysis agrees with go tool trace's goroutine pages", () => {
  for (const { name, base } of oracleTraces()) {
    it(`${name}.trace: every goroutine, every column`, () => {
      const tr = parseTrace(fs.readFileSync(`${base}.trace`));
      const mine = new Map(goroutineStats(tr).map((g) => [g.id, g]));
      const lines = fs.readFileSync(`${base}.goroutines.txt`, "utf8").trim().split("\n");
      expect(lines.length).toBeGreaterThan(4);
      for (const line of lines) {
        const [gid, ...want] = line.split(" ");
        const g = mine.get(Number(gid));
        expect(g, `goroutine ${gid}`).toBeDefined();
        // Go's analysis uses 0 as "not waiting", so a goroutine created at time 0 (the first
        // event of the trace) gets no scheduler wait for its first start; we count it.
        const sched = g!.created === 0 && g!.started > 0 ? g!.schedWait - g!.started : g!.schedWait;
        const got = [g!.total, g!.exec, g!.netWait, g!.syncBlock, g!.syscall, sched, g!.sweep, g!.gcPause].map(niceDuration);
        expect(got, `goroutine ${gid}`).toEqual(want);
      }
    });
  }
});

describe("groupByStartFunction", () => {
  it("groups parallel.go's six workers and sums their times", () => {
    const gs = goroutineStats(parseTrace(fs.readFileSync(path.join(testdata, "parallel.trace"))));
    const groups = groupByStartFunction(gs);
    const workers = groups.find((g) => g.name === "main.main.func3")!;
    expect(workers.count).toBe(6);
    expect(workers.system).toBe(false);
    const members = gs.filter((g) => g.name === "main.main.func3");
    expect(workers.exec).toBe(members.reduce((a, g) => a + g.exec, 0));
    expect(groups[0].exec).toBeGreaterThanOrEqual(groups[1].exec);
    expect(groups.find((g) => g.name === "runtime.gcBgMarkWorker")?.system).toBe(true);
    expect(groups.find((g) => g.name === "runtime.main")?.system).toBe(false);
  });
});
