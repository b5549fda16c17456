/**
 * tracebuf.ts: byte-exact encoding of Go 1.19 trace records. The golden bytes are the
 * hand-built minimal trace of reference/trace-format-1.19.md §10, which `go tool trace`
 * accepts; varint edge cases and length prefixes come from §2–3.
 */
import { describe, expect, it } from "vitest";
import { Ev, TRACE_HEADER, TraceBuf, frequencyRecord, varintLen, BUF_BYTES } from "./tracebuf.js";

const MINIMAL =
  "676f20312e31392074726163650000004100e807cd04010101004501078e0101010f6406" +
  "01028094ebdc034100d00f2501096d61696e2e6d61696e2502076d61696e2e676fc30901" +
  "0180a0800201020a";

function hex(chunks: Uint8Array[]): string {
  return chunks.map((c) => Buffer.from(c).toString("hex")).join("");
}

describe("tracebuf", () => {
  it("writes the reference's minimal trace byte for byte", () => {
    const out: Uint8Array[] = [TRACE_HEADER];
    const sink = (c: Uint8Array) => void out.push(c.slice());
    const b = new TraceBuf(0, sink, 1000);
    b.room(80);
    b.ev3(Ev.GoCreate, 1001, 1, 1, 0);
    b.ev1(Ev.ProcStart, 1002, 7);
    b.ev2(Ev.GoStart, 1003, 1, 1);
    b.ev0(Ev.GoEnd, 1103);
    b.ev0(Ev.ProcStop, 1104);
    b.finish();
    out.push(frequencyRecord(1_000_000_000));
    const s = new TraceBuf(0, sink, 2000);
    s.string(1, new TextEncoder().encode("main.main"));
    s.string(2, new TextEncoder().encode("main.go"));
    s.stack(1, [0x401000, 1, 2, 10]);
    s.finish();
    expect(hex(out)).toBe(MINIMAL);
  });

  it("encodes varints as unsigned LEB128, −1 as 2^64−1, values past 2^32 exactly", () => {
    const out: Uint8Array[] = [];
    const b = new TraceBuf(-1, (c) => void out.push(c.slice()), 0);
    b.finish();
    // Batch P=−1: ten bytes ff…ff 01.
    expect(Buffer.from(out[0]).toString("hex")).toBe("41ffffffffffffffffff0100");
    for (const [v, h] of [
      [0, "00"],
      [127, "7f"],
      [128, "8001"],
      [300, "ac02"],
      [2 ** 32, "8080808010"],
      [2 ** 53 - 1, "ffffffffffffff0f"],
    ] as const) {
      const o: Uint8Array[] = [];
      const t = new TraceBuf(0, (c) => void o.push(c.slice()), 0);
      const start = t.pos;
      t.varint(v);
      expect(Buffer.from(t.bytes.subarray(start, t.pos)).toString("hex")).toBe(h);
      expect(varintLen(v)).toBe(h.length / 2);
    }
  });

  it("length-prefixes events with three or more values and multi-byte stack records", () => {
    const out: Uint8Array[] = [];
    const b = new TraceBuf(1, (c) => void out.push(c.slice()), 0);
    b.ev4(Ev.UserTaskCreate, 198, 1, 0, 5, 11);
    // header | 3<<6, len = bytes of (Δ=198: 2 bytes, 1, 0, 5, 11) = 6
    expect(Buffer.from(b.bytes.subarray(3, b.pos)).toString("hex")).toBe("ed06c6010100050b");
    const frames: number[] = [];
    for (let i = 0; i < 40; i++) frames.push(0x400000 + i, 1, 2, 100 + i);
    const p0 = b.pos;
    b.stack(7, frames);
    // the length (> 127) is a two-byte varint and covers exactly the id, count and frames
    const bytes = b.bytes.subarray(p0, b.pos);
    expect(bytes[0]).toBe(0xc3);
    const len = (bytes[1] & 0x7f) + bytes[2] * 128;
    expect(bytes[2]).toBeGreaterThan(0);
    expect(3 + len).toBe(bytes.length);
  });

  it("flushes a full buffer to the sink and starts a new batch at the last timestamp", () => {
    const out: Uint8Array[] = [];
    const b = new TraceBuf(3, (c) => void out.push(c.slice()), 10);
    let ts = 10;
    for (let i = 0; i < 30000; i++) {
      b.room(80);
      b.ev1(Ev.HeapAlloc, ++ts, 1 << 20);
    }
    b.finish();
    expect(out.length).toBeGreaterThan(1);
    for (const c of out) {
      expect(c.length).toBeLessThanOrEqual(BUF_BYTES);
      expect(c[0]).toBe(0x41);
      expect(c[1]).toBe(3);
    }
    // Each continuation batch's base time is the previous event's: deltas stay 1.
    const second = out[1];
    let p = 2;
    let base = 0;
    let mul = 1;
    for (;;) {
      const x = second[p++];
      base += (x & 0x7f) * mul;
      mul *= 128;
      if ((x & 0x80) === 0) break;
    }
    expect(second[p]).toBe(Ev.HeapAlloc | (1 << 6));
    expect(second[p + 1]).toBe(1);
    expect(base).toBeGreaterThan(10);
  });
});
