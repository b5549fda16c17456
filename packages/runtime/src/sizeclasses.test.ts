import { describe, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { roundupsize, sizeToClass } from "./malloc.js";
import {
  classToAllocNPages,
  classToDivMagic,
  classToNObjects,
  classToSize,
  NUM_SIZE_CLASSES,
  PAGE_SIZE,
} from "./sizeclasses.js";

// Every distinct value of Go 1.19's roundupsize(n) for n in 1..70000, observed on linux/amd64 as
// cap(append([]byte(nil), make([]byte, n)...)) (growslice rounds a fresh []byte to its size
// class). For each n the expected result is the smallest entry ≥ n.
const GO_ROUNDUP = [
  8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480,
  512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864,
  5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760,
  24576, 27264, 28672, 32768, 40960, 49152, 57344, 65536, 73728,
];

describe("size classes", () => {
  test("68 classes, class 0 reserved for large objects", () => {
    expect(NUM_SIZE_CLASSES).toBe(68);
    expect(classToSize.length).toBe(68);
    expect(classToSize[0]).toBe(0);
    expect(classToSize[67]).toBe(32768);
  });

  test("roundupsize matches Go 1.19 for every size 1..70000", () => {
    let j = 0;
    for (let n = 1; n <= 70000; n++) {
      while (GO_ROUNDUP[j] < n) j++;
      if (roundupsize(n) !== GO_ROUNDUP[j]) expect([n, roundupsize(n)]).toEqual([n, GO_ROUNDUP[j]]);
    }
  });

  test("sizeToClass picks the smallest class that fits", () => {
    const bad: number[] = [];
    for (let n = 1; n <= 32768; n++) {
      const c = sizeToClass(n);
      if (!(classToSize[c] >= n && classToSize[c - 1] < n)) bad.push(n);
    }
    expect(bad).toEqual([]);
  });

  test("spans: objects per span, tail waste ≤ 1/8 of the span", () => {
    for (let c = 1; c < 68; c++) {
      const span = classToAllocNPages[c] * PAGE_SIZE;
      expect(classToNObjects[c]).toBe(Math.floor(span / classToSize[c]));
      expect(span - classToNObjects[c] * classToSize[c]).toBeLessThanOrEqual(span / 8);
    }
  });

  test("division magic is exact for every object start and interior byte", () => {
    const bad: number[][] = [];
    for (let c = 1; c < 68; c++) {
      const span = classToAllocNPages[c] * PAGE_SIZE;
      for (let off = 0; off < span; off++) {
        if (Math.floor((off * classToDivMagic[c]) / 2 ** 32) !== Math.floor(off / classToSize[c])) bad.push([c, off]);
      }
    }
    expect(bad).toEqual([]);
  });

  test("generated file is up to date with its script", () => {
    const script = fileURLToPath(new URL("../scripts/gen-sizeclasses.mjs", import.meta.url));
    const out = execFileSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(out).toContain("up to date");
  });
});
