import { describe, expect, it } from "vitest";
import { Progress } from "./progress.js";

function fake(isTTY: boolean) {
  const out: string[] = [];
  let t = 0;
  return { out, stream: { isTTY, columns: 30, write: (s: string) => out.push(s) }, clock: { now: () => t, set: (v: number) => { t = v; } } };
}

describe("Progress", () => {
  it("stays quiet for the first second, then draws throttled lines and clears them", () => {
    const f = fake(true);
    const p = new Progress(true, f.stream, f.clock.now);
    p.update("loading fmt");
    f.clock.set(999);
    p.update("loading os");
    expect(f.out).toEqual([]);
    f.clock.set(1000);
    p.update("checking net/http (57 packages and a very long tail)");
    f.clock.set(1050);
    p.update("too soon");
    expect(f.out).toEqual(["\r\x1b[Kgort: checking net/http (57 p"]);
    p.clear();
    expect(f.out[f.out.length - 1]).toBe("\r\x1b[K");
  });

  it("never writes when the stream is not a terminal or progress is off", () => {
    for (const [tty, on] of [[false, true], [true, false]] as const) {
      const f = fake(tty);
      const p = new Progress(on, f.stream, f.clock.now);
      f.clock.set(5000);
      p.update("x");
      p.clear();
      expect(f.out).toEqual([]);
    }
  });
});
