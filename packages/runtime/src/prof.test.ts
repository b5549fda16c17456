/**
 * Profiling helpers that need no program: Go's heap unsampling, the exponential sample
 * distance, and the tabwriter layout of text profiles. Whole-program profiles are tested through
 * `gort run` (packages/cli/src/services/runprof.test.ts, packages/compiler/test/run/pprof_*.go).
 */
import { describe, expect, it } from "vitest";
import "./index.js"; // the package's module order (vm/interp ↔ vm/panic import each other)
import { scaleHeapSample, MemProfiler } from "./profmem.js";
import { tabify } from "./proftext.js";
import type { Profiler } from "./prof.js";

describe("scaleHeapSample", () => {
  it("matches Go 1.19's figures", () => {
    // reference/pprof-profiles.md: 9 sampled objects of 4096 B at the default rate.
    expect(scaleHeapSample(9, 9 * 4096, 524288)).toEqual([1156, 4737047]);
    expect(scaleHeapSample(0, 0, 524288)).toEqual([0, 0]);
    expect(scaleHeapSample(3, 300, 1)).toEqual([3, 300]);
  });
});

describe("nextSample", () => {
  it("is exponential with mean MemProfileRate", () => {
    let state = 12345;
    const fake = {
      rand: () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return state >>> 0;
      },
    } as unknown as Profiler;
    const m = new MemProfiler(fake);
    const rate = 524288;
    const n = 20000;
    let sum = 0;
    let below = 0;
    for (let i = 0; i < n; i++) {
      const d = m.nextSample(rate);
      expect(d).toBeGreaterThan(0);
      sum += d;
      if (d < rate) below++;
    }
    expect(sum / n / rate).toBeGreaterThan(0.95);
    expect(sum / n / rate).toBeLessThan(1.05);
    // P(X < mean) = 1 − 1/e ≈ 0.632 for an exponential distribution
    expect(below / n).toBeGreaterThan(0.61);
    expect(below / n).toBeLessThan(0.655);
    expect(m.nextSample(1)).toBe(0);
    expect(m.nextSample(0)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("tabify", () => {
  it("pads columns with tabs as Go's text/tabwriter(1, 8, 1, '\\t')", () => {
    const text = "1 @ 0x10 0x20\n#\t0xf\tmain.f+0x3\t/a.go:3\n#\t0x1f\tmain.main.func1+0x13\t/a.go:9\n\nnext\n";
    expect(tabify(text)).toBe(
      "1 @ 0x10 0x20\n#\t0xf\tmain.f+0x3\t\t/a.go:3\n#\t0x1f\tmain.main.func1+0x13\t/a.go:9\n\nnext\n",
    );
  });
});
