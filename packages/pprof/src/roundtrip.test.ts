// gort pprof reads the profiles gort's own runtime writes (build.ts), and reports them exactly as
// go tool pprof does (compared when Go 1.19 is installed).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { encodeProfile, type RawProfile } from "./build.js";
import { decodeProfile } from "./decode.js";
import { defaultReportOptions, generateReport, type ReportKind } from "./report.js";

const GO = "/usr/lib/go-1.19/bin/go";
const frame = (func: string, line: number, addr: number) => ({ func, file: "/src/prog/main.go", line, addr });
const raw: RawProfile = {
  name: "cpu",
  sampleTypes: [
    ["samples", "count"],
    ["cpu", "nanoseconds"],
  ],
  periodType: ["cpu", "nanoseconds"],
  period: 10000000,
  timeNanos: 1795132800000000000,
  durationNanos: 2500000000,
  defaultSampleType: "",
  samples: [
    { frames: [frame("main.hot", 10, 0x1010), frame("main.work", 20, 0x1100), frame("main.main", 30, 0x1200)], values: [120, 1200000000], labels: [["worker", "a"]], numLabels: [] },
    { frames: [frame("main.hot", 11, 0x1014), frame("main.work", 21, 0x1104), frame("main.main", 30, 0x1200)], values: [30, 300000000], labels: [], numLabels: [] },
    { frames: [frame("main.warm", 40, 0x1300), frame("main.main", 31, 0x1204)], values: [45, 450000000], labels: [["worker", "b"]], numLabels: [] },
    { frames: [frame("runtime.gcBgMarkWorker", 50, 0x2000)], values: [3, 30000000], labels: [], numLabels: [] },
  ],
  mainBinary: "/src/prog/prog",
  codeStart: 0x1000,
  codeLimit: 0x3000,
};

describe("profiles written by gort's builder", () => {
  const bytes = encodeProfile(raw);
  const report = (kind: ReportKind) => {
    process.env.TZ = "UTC";
    return generateReport(decodeProfile(bytes), defaultReportOptions(kind, "/")).text;
  };

  it("decode with their functions, values and labels", () => {
    const p = decodeProfile(bytes);
    expect(p.samples.map((s) => s.values[1])).toEqual([1200000000, 300000000, 450000000, 30000000]);
    expect(p.samples[0].locations.map((l) => l.lines[0].fn?.name)).toEqual(["main.hot", "main.work", "main.main"]);
    expect(p.samples[0].labels.get("worker")).toEqual(["a"]);
    const top = report("top");
    // the smallest value (30ms) sets the unit: 30ms·100 > 1980ms, so everything in ms
    expect(top).toContain("Duration: 2.50s, Total samples = 1980ms (79.20%)");
    expect(top).toMatch(/\n {4}1500ms 75\.76% 75\.76% {5}1500ms 75\.76%  main\.hot\n/);
  });

  it.skipIf(!fs.existsSync(GO))("report as go tool pprof reports them", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-pprof-rt-"));
    const file = path.join(dir, "gort.pprof");
    fs.writeFileSync(file, bytes);
    for (const kind of ["top", "tree", "traces", "tags", "raw"] as const) {
      const r = spawnSync(GO, ["tool", "pprof", `-${kind}`, file], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
      expect(r.status).toBe(0);
      expect(report(kind)).toBe(r.stdout);
    }
  });
});
