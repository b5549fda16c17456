import { describe, expect, it } from "vitest";
import { Ev } from "./events.js";
import { TraceError } from "./errors.js";
import { formatEvent, parseTrace } from "./parser.js";

/** Builds trace files by hand: the wire format of reference/trace-format-1.19.md. */
class TraceBuilder {
  private bytes: number[] = [..."go 1.19 trace"].map((c) => c.charCodeAt(0)).concat([0, 0, 0]);
  private lastTs = 0;

  private varint(v: number): number[] {
    const out: number[] = [];
    let x = BigInt.asUintN(64, BigInt(v));
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x !== 0n) b |= 0x80;
      out.push(b);
    } while (x !== 0n);
    return out;
  }

  /** An event with n values (timestamp delta first when ts is given). */
  private raw(type: number, vals: number[]): this {
    const body = vals.flatMap((v) => this.varint(v));
    if (vals.length <= 3) this.bytes.push(type | ((vals.length - 1) << 6), ...body);
    else this.bytes.push(type | (3 << 6), ...this.varint(body.length), ...body);
    return this;
  }

  batch(p: number, ticks: number): this {
    this.lastTs = ticks;
    return this.raw(Ev.Batch, [p, ticks]);
  }

  /** An ordinary event at absolute tick ts with its arguments (stack ids included). */
  ev(type: number, ts: number, ...args: number[]): this {
    const d = ts - this.lastTs;
    this.lastTs = ts;
    return this.raw(type, [d, ...args]);
  }

  string(id: number, s: string): this {
    const b = [...Buffer.from(s)];
    this.bytes.push(Ev.String, ...this.varint(id), ...this.varint(b.length), ...b);
    return this;
  }

  stack(id: number, frames: [number, number, number, number][]): this {
    return this.raw(Ev.Stack, [id, frames.length, ...frames.flat()]);
  }

  frequency(f: number): this {
    return this.raw(Ev.Frequency, [f]);
  }

  build(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** Lines of our dump, without offsets (which depend on the builder's byte layout). */
const dump = (b: Uint8Array) => parseTrace(b).events.map((e) => formatEvent(e).replace(/ off=\d+/, ""));

function footer(t: TraceBuilder): Uint8Array {
  return t.frequency(1e9).batch(0, 0).string(1, "main.f").string(2, "f.go").stack(1, [[0x1000, 1, 2, 7]]).build();
}

describe("ordering across Ps by sequence numbers", () => {
  it("an unblock on P0 precedes the start it causes on P1 even with the same tick, whatever the file order", () => {
    // P1's batch comes first in the file and its GoStart has the same tick as P0's GoUnblock:
    // by time and file order alone the start would come first, before g 2 is runnable.
    const tr = new TraceBuilder()
      .batch(1, 100).ev(Ev.ProcStart, 100, 1).ev(Ev.GoStart, 130, 2, 2).ev(Ev.GoEnd, 140)
      .batch(0, 10)
      .ev(Ev.ProcStart, 10, 0)
      .ev(Ev.GoCreate, 11, 1, 1, 0)
      .ev(Ev.GoCreate, 12, 2, 1, 0)
      .ev(Ev.GoStart, 13, 2, 1) // g2 runs first on P0 (seq 1 → 2) ...
      .ev(Ev.GoBlockRecv, 14, 0) // ... and blocks
      .ev(Ev.GoStart, 15, 1, 1) // g1 runs
      .ev(Ev.GoUnblock, 130, 2, 2, 0); // g1 wakes g2 (seq 2 → 3) at the same tick P1 starts it
    expect(() => parseTrace(footer(tr))).toThrow(TraceError); // start needs seq 3: inconsistent
    const ok = new TraceBuilder()
      .batch(1, 100).ev(Ev.ProcStart, 100, 1).ev(Ev.GoStart, 130, 2, 3).ev(Ev.GoEnd, 140)
      .batch(0, 10)
      .ev(Ev.ProcStart, 10, 0)
      .ev(Ev.GoCreate, 11, 1, 1, 0)
      .ev(Ev.GoCreate, 12, 2, 1, 0)
      .ev(Ev.GoStart, 13, 2, 1)
      .ev(Ev.GoBlockRecv, 14, 0)
      .ev(Ev.GoStart, 15, 1, 1)
      .ev(Ev.GoUnblock, 130, 2, 2, 0);
    expect(dump(footer(ok))).toEqual([
      "0 ProcStart p=0 g=0 thread=0",
      "1 GoCreate p=0 g=0 g=1 stack=1",
      "2 GoCreate p=0 g=0 g=2 stack=1",
      "3 GoStart p=0 g=2 g=2 seq=1",
      "4 GoBlockRecv p=0 g=2",
      "5 GoStart p=0 g=1 g=1 seq=1",
      "90 ProcStart p=1 g=0 thread=1",
      "120 GoUnblock p=0 g=1 g=2 seq=2",
      "120 GoStart p=1 g=2 g=2 seq=3",
      "130 GoEnd p=1 g=2",
    ]);
  });

  it("a start whose cause never comes is 'no consistent ordering'", () => {
    const tr = new TraceBuilder().batch(0, 10).ev(Ev.ProcStart, 10, 0).ev(Ev.GoStart, 11, 7, 4);
    expect(() => parseTrace(footer(tr))).toThrow(/^no consistent ordering of events possible: GoStart at offset 0x\w+ needs g 7 runnable seq 4, it is dead seq 0$/);
  });

  it("timestamps that contradict the sequence order are rejected", () => {
    // the unblock (P0, tick 200) must precede the start it causes (P1, tick 150)
    const tr = new TraceBuilder()
      .batch(1, 100).ev(Ev.ProcStart, 100, 1).ev(Ev.GoStart, 150, 2, 3)
      .batch(0, 10)
      .ev(Ev.ProcStart, 10, 0)
      .ev(Ev.GoCreate, 11, 1, 1, 0)
      .ev(Ev.GoCreate, 12, 2, 1, 0)
      .ev(Ev.GoStart, 13, 2, 1)
      .ev(Ev.GoBlockRecv, 14, 0)
      .ev(Ev.GoStart, 15, 1, 1)
      .ev(Ev.GoUnblock, 200, 2, 2, 0);
    expect(() => parseTrace(footer(tr))).toThrow(/^time stamps out of order: /);
  });

  it("state errors name the problem and the offset", () => {
    const running = new TraceBuilder().batch(0, 1).ev(Ev.ProcStart, 1, 0).ev(Ev.ProcStart, 2, 0);
    expect(() => parseTrace(footer(running))).toThrow(/^p 0 is running before start \(offset 0x\w+, time 1 ns\)$/);
    const region = new TraceBuilder()
      .batch(0, 1).ev(Ev.ProcStart, 1, 0).ev(Ev.GoCreate, 2, 1, 1, 0).ev(Ev.GoStartLocal, 3, 1)
      .ev(Ev.UserRegion, 4, 0, 0, 1, 0).ev(Ev.UserRegion, 5, 0, 1, 2, 0);
    expect(() => parseTrace(footer(region))).toThrow(/^misuse of region in goroutine 1: end of "f\.go" while the innermost open region is "main\.f"/);
  });
});
