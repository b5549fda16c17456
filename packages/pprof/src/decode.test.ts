import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeProfile } from "./decode.js";
import { ProfileError } from "./profile.js";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "../testdata");
const cpu = fs.readFileSync(path.join(testdata, "cpu.pprof"));

function errorOf(data: Uint8Array): string {
  try {
    decodeProfile(data);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as Error).message;
  }
  throw new Error("decoded without an error");
}

describe("decodeProfile", () => {
  it("reads Go's gzipped CPU profile and the same profile uncompressed", () => {
    const p = decodeProfile(cpu);
    expect(p.sampleTypes).toEqual([
      { type: "samples", unit: "count" },
      { type: "cpu", unit: "nanoseconds" },
    ]);
    expect(p.period).toBe(10000000);
    expect(p.periodType).toEqual({ type: "cpu", unit: "nanoseconds" });
    const names = new Set(p.functions.map((f) => f.name));
    for (const n of ["main.hashLoop", "main.heavy", "main.light", "main.main"]) expect(names.has(n)).toBe(true);
    const total = p.samples.reduce((a, s) => a + s.values[1], 0);
    expect(total).toBe(850000000);
    const raw = decodeProfile(zlib.gunzipSync(cpu));
    expect(raw.samples.length).toBe(p.samples.length);
  });
  it("reads the heap profile's numeric labels", () => {
    const p = decodeProfile(fs.readFileSync(path.join(testdata, "heap.pprof")));
    expect(p.sampleTypes.map((t) => t.type)).toEqual(["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"]);
    expect(p.samples.some((s) => s.numLabels.get("bytes")?.[0] === 262144)).toBe(true);
  });
  it("reports a truncated gzip stream", () => {
    expect(errorOf(cpu.subarray(0, cpu.length - 20))).toBe("truncated gzip data");
  });
  it("reports truncated protobuf data", () => {
    const raw = zlib.gunzipSync(cpu);
    expect(errorOf(raw.subarray(0, raw.length - 7))).toMatch(/^truncated protobuf data/);
    expect(errorOf(zlib.gzipSync(raw.subarray(0, 100)))).toMatch(/^truncated protobuf data/);
  });
  it("reports data that is not a profile", () => {
    expect(errorOf(new TextEncoder().encode("this is not a profile\n"))).toMatch(/^(not a pprof profile|truncated protobuf data)/);
    expect(errorOf(new Uint8Array(0))).toBe("empty file");
    expect(errorOf(new Uint8Array([0x1f, 0x8b, 1, 2, 3]))).toMatch(/gzip/);
  });
  it("recognises runtime/pprof's text forms (debug=1)", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(errorOf(text("goroutine profile: total 1\n1 @ 0x42d196 0x45c6a5\n"))).toMatch(/^a text goroutine profile \(written with debug=1\)/);
    expect(errorOf(text("heap profile: 1: 2 [3: 4] @ heap/1048576\n"))).toMatch(/^a text heap profile/);
    expect(errorOf(text("--- mutex:\ncycles/second=1\n"))).toMatch(/^a text mutex profile/);
  });
  it("reports references that do not resolve", () => {
    // Profile{sample_type {type:1 unit:2}, sample{location_id: 9, value: 1}, string_table ["", "a", "b"]}
    const bytes = Uint8Array.from([0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x12, 0x04, 0x08, 0x09, 0x10, 0x01, 0x32, 0x00, 0x32, 0x01, 0x61, 0x32, 0x01, 0x62]);
    expect(errorOf(bytes)).toBe("malformed profile (sample 0 names location 9, which does not exist)");
    // a string index past the table
    const bad = Uint8Array.from([0x0a, 0x04, 0x08, 0x07, 0x10, 0x02, 0x32, 0x00, 0x32, 0x01, 0x61, 0x32, 0x01, 0x62]);
    expect(errorOf(bad)).toMatch(/string index 7 out of range/);
  });
});

describe("damaged profiles", () => {
  it("either decode and report, or fail with a ProfileError (seeded byte mutations)", async () => {
    const { defaultReportOptions, generateReport } = await import("./report.js");
    const raw = zlib.gunzipSync(cpu);
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let decoded = 0;
    let rejected = 0;
    for (let iter = 0; iter < 400; iter++) {
      const b = Uint8Array.from(raw);
      const edits = 1 + rnd(4);
      for (let e = 0; e < edits; e++) b[rnd(b.length)] = rnd(256);
      const cut = rnd(3) === 0 ? b.subarray(0, rnd(b.length)) : b;
      try {
        const p = decodeProfile(cut);
        decoded++;
        for (const kind of ["top", "traces", "tags"] as const) {
          try {
            generateReport(p, defaultReportOptions(kind, testdata));
          } catch (e) {
            expect(e).toBeInstanceOf(ProfileError);
          }
        }
      } catch (e) {
        if (!(e instanceof ProfileError)) throw e;
        rejected++;
      }
    }
    expect(decoded).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
