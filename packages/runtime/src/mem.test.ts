import { describe, expect, test } from "vitest";
import { FatalError, formatFatal } from "./debug.js";
import { ARENA_BYTES, LinearMemory, MH_EPOCH } from "./mem.js";
import { Heap } from "./malloc.js";
import { assertHeapValid, failNextAlloc } from "./testing.js";

function catchFatal(f: () => void): FatalError {
  try {
    f();
  } catch (e) {
    if (e instanceof FatalError) return e;
    throw e;
  }
  throw new Error("no fatal error");
}

describe("linear memory", () => {
  test("grows in arena steps, re-creating fixed-length views with a new epoch", () => {
    const mem = new LinearMemory({ capBytes: 64 << 20 });
    expect(mem.byteLength).toBe(ARENA_BYTES);
    mem.u32[100] = 0xdeadbeef;
    const old = mem.u32;
    expect(mem.grow(ARENA_BYTES + 1)).toBe(true);
    expect(mem.byteLength).toBe(2 * ARENA_BYTES);
    expect(mem.epoch).toBe(1);
    expect(mem.u32[MH_EPOCH >>> 2]).toBe(1);
    expect(mem.u32).not.toBe(old);
    expect(old.length).toBe(ARENA_BYTES / 4); // the old view kept its fixed length
    expect(mem.u32.length).toBe((2 * ARENA_BYTES) / 4);
    expect(mem.u32[100]).toBe(0xdeadbeef);
    expect(mem.i64.length).toBe((2 * ARENA_BYTES) / 8);
    expect(mem.grow(ARENA_BYTES)).toBe(true); // already big enough: no new epoch
    expect(mem.epoch).toBe(1);
  });

  test("refuses to pass its cap or a host failure, without throwing", () => {
    const mem = new LinearMemory({ capBytes: 8 << 20 });
    expect(mem.grow(12 << 20)).toBe(false);
    expect(mem.byteLength).toBe(ARENA_BYTES);
    mem.failNextGrow = 1;
    expect(mem.grow(8 << 20)).toBe(false);
    expect(mem.grow(8 << 20)).toBe(true);
  });

  test("a second LinearMemory attached to the same buffer sees growth after refresh", () => {
    const a = new LinearMemory({ capBytes: 16 << 20 });
    const b = new LinearMemory({}, a.sab);
    a.grow(8 << 20);
    a.u8[ARENA_BYTES + 5] = 7;
    expect(b.byteLength).toBe(ARENA_BYTES);
    expect(b.refresh()).toBe(true);
    expect(b.u8[ARENA_BYTES + 5]).toBe(7);
  });

  test("heap past the hard cap: Go's out-of-memory fatal error, not a RangeError", () => {
    const heap = new Heap({ capBytes: 16 << 20 });
    const e = catchFatal(() => {
      for (let i = 0; i < 100; i++) heap.mallocgc(1 << 20, 0, true);
    });
    expect(e.message).toBe("runtime: out of memory");
    expect(formatFatal(e)).toMatch(/^runtime: out of memory: cannot allocate \d+-byte block \(\d+ in use\)\nfatal error: runtime: out of memory\n$/);
    assertHeapValid(heap);
  });

  test("the 4 GiB address space limit is an out-of-memory error too", () => {
    const heap = new Heap({ capBytes: 8 << 20 });
    const e = catchFatal(() => heap.mallocgc(2 ** 32 - 8, 0, true));
    expect(formatFatal(e)).toContain("fatal error: runtime: out of memory\n");
  });

  test("fail-next-allocation hook", () => {
    const heap = new Heap({ capBytes: 16 << 20 });
    heap.mallocgc(16, 0, true);
    failNextAlloc(heap);
    expect(catchFatal(() => heap.mallocgc(16, 0, true)).message).toBe("runtime: out of memory");
    expect(heap.mallocgc(16, 0, true)).toBeGreaterThan(0);
    assertHeapValid(heap);
  });
});
