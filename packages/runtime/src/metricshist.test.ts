import { describe, expect, it } from "vitest";
import { TIME_HIST_COUNTS, TimeHistogram, timeBucketIndex, timeBucketMidSeconds, timeHistogramBuckets } from "./metricshist.js";

describe("time histogram (Go 1.19 layout)", () => {
  it("has 722 boundaries: -Inf, 0…15 ns, 16 sub-buckets per power of two, last 272678.883688448 s, +Inf", () => {
    const b = timeHistogramBuckets();
    expect(b.length).toBe(722);
    expect(TIME_HIST_COUNTS).toBe(721);
    expect(b[0]).toBe(-Infinity);
    expect(b.slice(1, 5)).toEqual([0, 1e-9, 2e-9, 3e-9]);
    expect(b[17]).toBe(1.6e-8);
    expect(b[33]).toBe(3.2e-8);
    expect(b[34]).toBe(3.4e-8);
    expect(b[720]).toBe(272678.883688448);
    expect(b[721]).toBe(Infinity);
  });

  it("puts every duration in the bucket whose bounds contain it", () => {
    const b = timeHistogramBuckets();
    const probe = [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 1000, 123456, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 5, 1e12, 2 ** 47 + 15 * 2 ** 43 - 1];
    for (let e = 4; e < 48; e++) probe.push(2 ** e, 2 ** e - 1, 2 ** e + 2 ** (e - 5));
    for (const ns of probe) {
      const k = timeBucketIndex(ns);
      expect(k, `ns=${ns}`).toBeGreaterThan(0);
      expect(b[k] * 1e9 <= ns + 1e-3 && ns < b[k + 1] * 1e9 + 1e-3, `ns=${ns} k=${k}`).toBe(true);
      const mid = timeBucketMidSeconds(k);
      expect(mid >= b[k] && mid < b[k + 1]).toBe(true);
    }
    expect(timeBucketIndex(-5)).toBe(0);
    expect(timeBucketIndex(2 ** 60)).toBe(720);
  });

  it("counts cumulatively", () => {
    const h = new TimeHistogram();
    h.record(5);
    h.record(5.9);
    h.record(100_000);
    expect(h.counts[6]).toBe(2);
    expect(h.total()).toBe(3);
  });
});
