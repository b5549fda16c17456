import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Ev } from "./events.js";
import { mmuAt, mmuCurve, mutatorUtilization, type UtilPoint } from "./mmu.js";
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

describe("MMU agrees with go tool trace's MMU page", () => {
  for (const { name, base } of oracleTraces()) {
    it(`${name}.trace`, () => {
      const tr = parseTrace(fs.readFileSync(`${base}.trace`));
      const util = mutatorUtilization(tr);
      const hasGC = tr.events.some((e) => e.type === Ev.GCStart);
      const go = JSON.parse(fs.readFileSync(`${base}.mmu.json`, "utf8")) as { curve: [number, number][] };
      expect(go.curve.length).toBeGreaterThan(20);
      let nonTrivial = 0;
      for (const [window, want] of go.curve) {
        // Below a few ns (finer than the traces' clock) Go reports 0 for a trace with no GC at
        // all (gort/annotations: utilisation 1 throughout); we report 1. Not compared.
        if (window < 10) continue;
        const got = mmuAt(util, window);
        expect(got, `window ${window}`).not.toBeNull();
        expect(got!.mmu, `window ${window}ns`).toBeCloseTo(want, 6);
        if (want > 0 && want < 1) nonTrivial++;
      }
      if (hasGC) expect(nonTrivial).toBeGreaterThan(10);
      else expect(nonTrivial).toBe(0);
    });
  }
});

describe("mmuAt on hand-made utilisation", () => {
  // 100 ns at 1, a 10 ns pause (0), 90 ns at 0.5, end
  const util: UtilPoint[] = [
    { t: 0, u: 1 },
    { t: 100, u: 0 },
    { t: 110, u: 0.5 },
    { t: 200, u: 0 },
  ];
  const cases: [number, number][] = [
    [5, 0],
    [10, 0],
    [20, 0.25], // the pause plus 10 ns at 0.5
    [100, 0.45], // [100,200]: 0 + 90×0.5
    [200, (100 + 45) / 200],
  ];
  for (const [w, want] of cases) it(`window ${w}`, () => expect(mmuAt(util, w)!.mmu).toBeCloseTo(want, 12));
  it("is monotone over the curve and null past the trace", () => {
    expect(mmuAt(util, 201)).toBeNull();
    const curve = mmuCurve(util);
    for (let i = 1; i < curve.length; i++) expect(curve[i].mmu).toBeGreaterThanOrEqual(curve[i - 1].mmu - 1e-12);
  });
});
