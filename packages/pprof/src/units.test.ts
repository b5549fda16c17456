import { describe, expect, it } from "vitest";
import { formatFixed, formatG, percentage, scaledLabel } from "./units.js";

// Reference strings printed by Go 1.19's fmt (%.2f, %.2g, %5.2g, %.1f) for the same values.
const GO: [number, string, string, string, string][] = [
  [0.125, "0.12", "0.12", " 0.12", "0.1"],
  [0.375, "0.38", "0.38", " 0.38", "0.4"],
  [2.675, "2.67", "2.7", "  2.7", "2.7"],
  [1.005, "1.00", "1", "    1", "1.0"],
  [0.5, "0.50", "0.5", "  0.5", "0.5"],
  [0.05, "0.05", "0.05", " 0.05", "0.1"],
  [0.0999, "0.10", "0.1", "  0.1", "0.1"],
  [0.000012345, "0.00", "1.2e-05", "1.2e-05", "0.0"],
  [0.00001, "0.00", "1e-05", "1e-05", "0.0"],
  [0.0001, "0.00", "0.0001", "0.0001", "0.0"],
  [0.00099996, "0.00", "0.001", "0.001", "0.0"],
  [0.995, "0.99", "0.99", " 0.99", "1.0"],
  [12.5, "12.50", "12", "   12", "12.5"],
  [99.995, "100.00", "1e+02", "1e+02", "100.0"],
  [1e-7, "0.00", "1e-07", "1e-07", "0.0"],
  [0.25, "0.25", "0.25", " 0.25", "0.2"],
];

describe("Go number formatting", () => {
  for (const [x, f2, g2, g52, f1] of GO) {
    it(String(x), () => {
      expect(formatFixed(x, 2)).toBe(f2);
      expect(formatG(x, 2)).toBe(g2);
      expect(formatG(x, 2).padStart(5)).toBe(g52);
      expect(formatFixed(x, 1)).toBe(f1);
    });
  }
});

describe("pprof units", () => {
  it("scales to the largest unit that keeps the value ≥ 1", () => {
    expect(scaledLabel(1200000000, "nanoseconds", "minimum")).toBe("1.20s");
    expect(scaledLabel(10000000, "nanoseconds", "minimum")).toBe("10ms");
    expect(scaledLabel(524300, "bytes", "minimum")).toBe("512.01kB");
    expect(scaledLabel(3 << 20, "bytes", "minimum")).toBe("3MB");
    expect(scaledLabel(1234, "count", "minimum")).toBe("1234");
    expect(scaledLabel(0, "nanoseconds", "minimum")).toBe("0");
    expect(scaledLabel(-30000000, "nanoseconds", "ms")).toBe("-30ms");
    expect(scaledLabel(1500, "nanoseconds", "us")).toBe("1.50us");
  });
  it("formats percentages in six columns", () => {
    expect(percentage(600, 850)).toBe("70.59%");
    expect(percentage(850, 850)).toBe("  100%");
    expect(percentage(0, 850)).toBe("    0%");
    expect(percentage(4, 850)).toBe(" 0.47%");
  });
});
