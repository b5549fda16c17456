import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { checkNesting } from "@gort/trace";
import { afterAll, describe, expect, it } from "vitest";
import { runTrace, type TraceOptions } from "./trace.js";

const testdata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../trace/testdata");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gort-trace-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(opts: TraceOptions, cwd = testdata): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runTrace(opts, { cwd, env: {}, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe("gort trace", () => {
  it("prints a summary by default", () => {
    const r = run({ file: "parallel.trace" });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^parallel\.trace: Go 1\.19 execution trace, 16\.8 KiB, 1991 events in 6 batches\n/);
    expect(r.out).toMatch(/^goroutines +17 \(9 user, 8 runtime\), 7 ended$/m);
    expect(r.out).toMatch(/^GOMAXPROCS +4$/m);
    expect(r.out).toMatch(/^GC +3 cycles, /m);
    expect(r.out).toMatch(/^GC pauses +6 stop-the-world pauses, total /m);
    for (const p of [0, 1, 2, 3]) expect(r.out).toMatch(new RegExp(`^P${p} +\\S+ +\\d+\\.\\d% `, "m"));
  });

  it("--goroutines --latency --gc --mmu print their sections in order", () => {
    const r = run({ file: "parallel.trace", goroutines: true, latency: true, gc: true, mmu: true });
    expect(r.code).toBe(0);
    const at = (re: RegExp) => r.out.search(re);
    const order = [/^goroutines by start function/m, /^scheduler latency:/m, /^GC pauses \(stop-the-world\): 6,/m, /^minimum mutator utilisation/m].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.out).toMatch(/^main\.main\.func3 +6 /m);
    expect(r.out).toMatch(/^\d+ +\d+ +\S+ +\S+ +(sweep|mark) termination$/m);
    expect(r.out).not.toMatch(/^duration/m); // no summary when a section is asked for
  });

  it("--svg writes the MMU chart, --perfetto a checked trace-event file", () => {
    const svg = path.join(tmp, "mmu.svg");
    const json = path.join(tmp, "out.json");
    const r = run({ file: "sched.trace", svg, perfetto: json });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${svg}`);
    expect(r.out).toMatch(/wrote .*out\.json: \d+ slices on \d+ tracks/);
    const s = fs.readFileSync(svg, "utf8");
    expect(s).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(s).toContain("<polyline");
    expect(s.trimEnd().endsWith("</svg>")).toBe(true);
    const doc = JSON.parse(fs.readFileSync(json, "utf8"));
    const check = checkNesting(doc);
    expect(check.violations).toEqual([]);
    expect(check.errors).toEqual([]);
    expect(check.slices).toBeGreaterThan(100);
  });

  it("-d prints the events as go tool trace -d does (its output recorded in testdata)", () => {
    const r = run({ file: "gort/annotations.trace", dump: true });
    expect(r.code).toBe(0);
    const go = zlib.gunzipSync(fs.readFileSync(path.join(testdata, "gort/annotations.d.gz"))).toString("utf8");
    const byOff = (text: string) => text.trimEnd().split("\n").sort((a, b) => Number(/off=(\d+)/.exec(a)![1]) - Number(/off=(\d+)/.exec(b)![1]));
    expect(byOff(r.out)).toEqual(byOff(go));
    expect(r.out).toMatch(/^\d+ Gomaxprocs p=0 g=1 off=\d+ procs=1$/m);
  });

  describe("bad input: one error line naming the file, exit 1", () => {
    const good = fs.readFileSync(path.join(testdata, "basic.trace"));
    fs.writeFileSync(path.join(tmp, "cut.trace"), good.subarray(0, 3001));
    fs.writeFileSync(path.join(tmp, "text.trace"), "this is not a trace\n");
    fs.writeFileSync(path.join(tmp, "nofooter.trace"), good.subarray(0, 16 + 7));
    const cases: [string, RegExp][] = [
      ["missing.trace", /^gort trace: open missing\.trace: no such file or directory\n$/],
      ["cut.trace", /^gort trace: cut\.trace: truncated trace: \w+ at offset 0x[0-9a-f]+ runs past the end of the file \(3001 bytes\)\n$/],
      ["text.trace", /^gort trace: text\.trace: not a trace file: header does not start with "go 1\.N trace"\n$/],
      ["nofooter.trace", /^gort trace: nofooter\.trace: /],
    ];
    for (const [file, re] of cases) {
      it(file, () => {
        const r = run({ file }, tmp);
        expect(r.code).toBe(1);
        expect(r.out).toBe("");
        expect(r.err).toMatch(re);
        expect(r.err.split("\n").length).toBe(2);
      });
    }
  });
});
