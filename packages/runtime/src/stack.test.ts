import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { FatalError, formatFatal } from "./debug.js";
import { Heap } from "./malloc.js";
import { ST_OTHER_SYS } from "./mstats.js";
import {
  FR_FUNC,
  FR_LINK,
  FR_PC,
  FR_SIZE,
  FR_SLOTS,
  STK_FP,
  STK_HI,
  STK_LO,
  StackMapSource,
  StackMin,
} from "./stack.js";
import { assertHeapValid } from "./testing.js";

const MB = 1 << 20;

/** What the test expects in one slot. */
type Slot =
  | { kind: "scalar"; value: number } // not in the stack map: never adjusted, even if it looks like a stack address
  | { kind: "heap"; addr: number } // pointer to a heap object: unchanged by copying
  | { kind: "stack"; frame: number; slot: number } // pointer to slot `slot` of frame #frame (0 = outermost)
  | { kind: "nil" };

interface ModelFrame {
  funcId: number;
  pc: number;
  size: number;
  slots: Slot[];
}

/** Synthetic program image: per (funcId, pc) a pointer bitmap in linear memory. */
class Maps implements StackMapSource {
  private readonly table = new Map<string, number>();
  constructor(private readonly heap: Heap) {}
  define(funcId: number, pc: number, ptrSlots: boolean[]): void {
    const n = ptrSlots.length;
    const bm = this.heap.mheap.persistentAlloc(4 + 4 * Math.ceil(n / 32), 4, ST_OTHER_SYS);
    const u32 = this.heap.mem.u32;
    u32[bm >>> 2] = n;
    ptrSlots.forEach((p, i) => {
      if (p) u32[(bm >>> 2) + 1 + (i >>> 5)] |= 1 << (i & 31);
    });
    this.table.set(`${funcId}:${pc}`, ptrSlots.some((p) => p) ? bm : 0);
  }
  stackMapAddr(funcId: number, pc: number): number {
    const bm = this.table.get(`${funcId}:${pc}`);
    if (bm === undefined) throw new Error(`no stack map for ${funcId}@${pc}`);
    return bm;
  }
}

class Goroutine {
  readonly g: number;
  readonly frames: ModelFrame[] = [];
  constructor(
    readonly heap: Heap,
    readonly maps: Maps,
  ) {
    this.g = heap.mheap.persistentAlloc(16, 8, ST_OTHER_SYS);
    heap.stacks.initStack(this.g);
  }
  get u32() {
    return this.heap.mem.u32;
  }
  get lo() {
    return this.u32[this.g >>> 2];
  }
  get hi() {
    return this.u32[(this.g + 4) >>> 2];
  }
  get fp() {
    return this.u32[(this.g + 8) >>> 2];
  }
  /** fp of model frame i, found by walking the real links from the innermost frame. */
  fpOf(i: number): number {
    let f = this.fp;
    for (let k = this.frames.length - 1; k > i; k--) f = this.u32[(f + FR_LINK) >>> 2];
    return f;
  }
  slotAddr(frame: number, slot: number): number {
    return this.fpOf(frame) + FR_SLOTS + 8 * slot;
  }
  push(frame: ModelFrame): void {
    this.maps.define(frame.funcId, frame.pc, frame.slots.map((s) => s.kind !== "scalar"));
    const fp = this.heap.stacks.pushFrame(this.g, frame.funcId, frame.pc, frame.size);
    this.frames.push(frame);
    const u32 = this.u32;
    frame.slots.forEach((s, i) => {
      const a = (fp + FR_SLOTS + 8 * i) >>> 2;
      u32[a + 1] = 0;
      switch (s.kind) {
        case "scalar": u32[a] = s.value; break;
        case "heap": u32[a] = s.addr; break;
        case "stack": u32[a] = this.slotAddr(s.frame, s.slot); break;
        case "nil": u32[a] = 0; break;
      }
    });
  }
  pop(): void {
    this.heap.stacks.popFrame(this.g);
    this.frames.pop();
  }
  /** Checks every frame header, link and slot against the model. */
  check(): void {
    const u32 = this.u32;
    expect(this.hi - this.lo).toBeGreaterThanOrEqual(StackMin);
    let f = this.fp;
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const m = this.frames[k];
      expect(f >= this.lo && f < this.hi).toBe(true);
      expect([u32[(f + FR_FUNC) >>> 2], u32[(f + FR_PC) >>> 2], u32[(f + FR_SIZE) >>> 2]]).toEqual([m.funcId, m.pc, m.size]);
      m.slots.forEach((s, i) => {
        const v = u32[(f + FR_SLOTS + 8 * i) >>> 2];
        let want: number;
        switch (s.kind) {
          case "scalar": want = s.value; break;
          case "heap": want = s.addr; break;
          case "stack": want = this.slotAddr(s.frame, s.slot); break;
          case "nil": want = 0; break;
        }
        if (v !== want) throw new Error(`frame ${k} slot ${i} (${s.kind}): ${v} != ${want}`);
      });
      const link = u32[(f + FR_LINK) >>> 2];
      if (k === 0) expect(link).toBe(0);
      else expect(link).toBe(f + m.size);
      f = link;
    }
    if (this.frames.length === 0) expect(this.fp).toBe(this.hi);
  }
}

function catchFatal(f: () => void): FatalError {
  try {
    f();
  } catch (e) {
    if (e instanceof FatalError) return e;
    throw e;
  }
  throw new Error("no fatal error");
}

function setup(capBytes = 64 * MB) {
  const heap = new Heap({ capBytes });
  const maps = new Maps(heap);
  heap.stacks.stackMaps = maps;
  return { heap, maps };
}

describe("goroutine stacks", () => {
  test("initial stack is StackMin (512 B) from a pool; stacks are counted as StackInuse, not heap", () => {
    const { heap, maps } = setup();
    const g = new Goroutine(heap, maps);
    expect(g.hi - g.lo).toBe(512);
    expect(g.fp).toBe(g.hi);
    const ms = heap.readMemStats();
    expect(ms.StackInuse).toBe(32 * 1024);
    expect(ms.HeapInuse).toBe(0);
    assertHeapValid(heap);
  });

  test("grows by doubling with every pointer into the stack adjusted", () => {
    const { heap, maps } = setup();
    const g = new Goroutine(heap, maps);
    const obj = heap.mallocgc(64, heap.types.pointer(), true);
    const sizes: number[] = [];
    for (let d = 0; d < 100; d++) {
      const slots: Slot[] = [
        { kind: "heap", addr: obj },
        { kind: "scalar", value: d === 0 ? g.lo + 8 : g.slotAddr(d - 1, 0) }, // looks like a stack pointer, isn't one
        d === 0 ? { kind: "nil" } : { kind: "stack", frame: d - 1, slot: 2 },
        d === 0 ? { kind: "nil" } : { kind: "stack", frame: Math.floor(d / 2), slot: 0 },
        { kind: "nil" },
      ];
      if (d > 0) slots.push({ kind: "stack", frame: d, slot: 0 } as Slot); // points into its own frame
      // frame d's own-frame pointer needs the frame pushed first: push, then patch
      g.push({ funcId: 7, pc: d, size: FR_SLOTS + 8 * slots.length + 8 * (d % 5) + 256, slots: slots.slice(0, 5) });
      if (d > 0) {
        g.frames[d].slots.push({ kind: "stack", frame: d, slot: 0 });
        maps.define(7, d, g.frames[d].slots.map((s) => s.kind !== "scalar"));
        heap.mem.u32[g.slotAddr(d, 5) >>> 2] = g.slotAddr(d, 0);
      }
      sizes.push(g.hi - g.lo);
      // The scalar slot of frame d holds what was a stack address when written: it must keep that exact value.
      g.check();
    }
    expect([...new Set(sizes)]).toEqual([512, 1024, 2048, 4096, 8192, 16384, 32768, 65536]);
    expect(heap.stacks.copies).toBe(7);
    assertHeapValid(heap);
  });

  test("shrinks to half at GC when under a quarter used, never below StackMin", () => {
    const { heap, maps } = setup();
    const g = new Goroutine(heap, maps);
    for (let d = 0; d < 100; d++) {
      g.push({ funcId: 1, pc: d, size: 64, slots: [d === 0 ? { kind: "nil" } : { kind: "stack", frame: d - 1, slot: 1 }, { kind: "scalar", value: d }] });
    }
    expect(g.hi - g.lo).toBe(8192);
    // 6400 bytes used of 8192: no shrink.
    expect(heap.stacks.shrinkstack(g.g)).toBe(false);
    while (g.frames.length > 10) g.pop();
    g.check();
    // 640 used (+128 guard) < 8192/4 → 4096; 768 < 1024 → 2048; then 768 ≥ 512: stop.
    expect(heap.stacks.shrinkstack(g.g)).toBe(true);
    expect(g.hi - g.lo).toBe(4096);
    g.check();
    expect(heap.stacks.shrinkstack(g.g)).toBe(true);
    expect(g.hi - g.lo).toBe(2048);
    expect(heap.stacks.shrinkstack(g.g)).toBe(false);
    g.check();
    while (g.frames.length > 0) g.pop();
    expect(heap.stacks.shrinkstack(g.g)).toBe(true);
    expect(g.hi - g.lo).toBe(1024);
    expect(heap.stacks.shrinkstack(g.g)).toBe(true);
    expect(g.hi - g.lo).toBe(512);
    expect(heap.stacks.shrinkstack(g.g)).toBe(false);
    heap.stacks.shrinkDisabled = true;
    assertHeapValid(heap);
  });

  test("adaptive starting stack size (Go 1.19 adaptivestackstart)", () => {
    const { heap, maps } = setup();
    const st = heap.stacks;
    st.computeStartingStackSize(0, 0);
    expect(st.startingStackSize).toBe(512);
    st.computeStartingStackSize(10 * 3000, 10); // avg 3000 + 128 guard → 4 KiB
    expect(st.startingStackSize).toBe(4096);
    const g = new Goroutine(heap, maps);
    expect(g.hi - g.lo).toBe(4096);
    st.computeStartingStackSize(10 * 700, 10); // avg 700 + 128 → 1 KiB
    expect(st.startingStackSize).toBe(1024);
    st.computeStartingStackSize(100, 10);
    expect(st.startingStackSize).toBe(512);
    st.adaptiveStackStart = false;
    st.computeStartingStackSize(10 * 3000, 10);
    expect(st.startingStackSize).toBe(512);
  });

  test("the adjustExtra hook sees every move", () => {
    const { heap, maps } = setup();
    const g = new Goroutine(heap, maps);
    const moves: number[][] = [];
    heap.stacks.adjustHook = { adjustExtra: (gg, lo, hi, delta) => moves.push([gg, hi - lo, delta]) };
    const lo0 = g.lo;
    const hi0 = g.hi;
    g.push({ funcId: 1, pc: 0, size: 2000, slots: [] });
    expect(moves.length).toBe(1);
    expect(moves[0][0]).toBe(g.g);
    expect(moves[0][1]).toBe(hi0 - lo0);
    expect(moves[0][2]).toBe(g.hi - hi0);
  });

  test("past the maximum: Go's stack overflow fatal error", () => {
    const { heap, maps } = setup();
    const g = new Goroutine(heap, maps);
    maps.define(1, 0, []);
    const e = catchFatal(() => heap.stacks.pushFrame(g.g, 1, 0, 600_000_000));
    expect(e.message).toBe("stack overflow");
    const sp = "0x" + g.fp.toString(16);
    expect(formatFatal(e)).toBe(
      "runtime: goroutine stack exceeds 1000000000-byte limit\n" +
        `runtime: sp=${sp} stack=[0x${g.lo.toString(16)}, 0x${g.hi.toString(16)}]\n` +
        "fatal error: stack overflow\n",
    );
  });

  test("debug.SetMaxStack: infinite recursion stops at the limit", () => {
    const { heap, maps } = setup();
    const g = new Goroutine(heap, maps);
    heap.stacks.maxStackSize = 64 * 1024;
    const e = catchFatal(() => {
      for (let d = 0; ; d++) g.push({ funcId: 3, pc: 0, size: 512, slots: [d === 0 ? { kind: "nil" } : { kind: "stack", frame: d - 1, slot: 0 }] });
    });
    expect(formatFatal(e)).toMatch(/^runtime: goroutine stack exceeds 65536-byte limit\nruntime: sp=0x[0-9a-f]+ stack=\[0x[0-9a-f]+, 0x[0-9a-f]+\]\nfatal error: stack overflow\n$/);
    expect(g.hi - g.lo).toBe(65536);
    g.check();
  });

  test("a small non-nil value in a pointer slot is an invalid stack pointer", () => {
    const { heap, maps } = setup();
    const g = new Goroutine(heap, maps);
    g.push({ funcId: 5, pc: 1, size: 32, slots: [{ kind: "heap", addr: 12 }] });
    const e = catchFatal(() => g.push({ funcId: 5, pc: 2, size: 1504, slots: [] }));
    expect(e.message).toBe("invalid pointer found on stack");
    expect(e.prelude).toMatch(/^runtime: bad pointer in frame 5 at 0x[0-9a-f]+: 0xc\n$/);
  });

  test("stack pools reuse memory and give empty spans back", () => {
    const { heap } = setup();
    const s = heap.stacks;
    const all: [number, number][] = [];
    for (let i = 0; i < 300; i++) {
      const n = 1024 << i % 7; // 1 KiB … 64 KiB (64 KiB: dedicated span)
      all.push([s.stackalloc(n), n]);
    }
    const sorted = [...all].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i][0]).toBeGreaterThanOrEqual(sorted[i - 1][0] + sorted[i - 1][1]);
    assertHeapValid(heap);
    for (let i = 0; i < all.length; i += 2) s.stackfree(all[i][0], all[i][1]);
    assertHeapValid(heap);
    for (let i = 1; i < all.length; i += 2) s.stackfree(all[i][0], all[i][1]);
    assertHeapValid(heap);
    // Each pool keeps its last (empty) span until released.
    expect(heap.readMemStats().StackInuse).toBe(5 * 32 * 1024);
    s.releaseStackPools();
    assertHeapValid(heap);
    expect(heap.readMemStats().StackInuse).toBe(0);
  });

  test("property: random calls, returns, heap allocation and GC shrinks keep every pointer intact", () => {
    type Op = { kind: "call"; size: number; ptrs: number } | { kind: "ret"; n: number } | { kind: "shrink" } | { kind: "alloc" };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant("call" as const), size: fc.integer({ min: 0, max: 600 }), ptrs: fc.integer({ min: 0, max: 255 }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant("ret" as const), n: fc.integer({ min: 1, max: 30 }) }) },
      { weight: 1, arbitrary: fc.constant({ kind: "shrink" as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: "alloc" as const }) },
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 150 }), fc.integer({ min: 1, max: 3 }), (ops, ngs) => {
        const { heap, maps } = setup(128 * MB);
        const gs: Goroutine[] = [];
        for (let i = 0; i < ngs; i++) gs.push(new Goroutine(heap, maps));
        const objs: number[] = [heap.mallocgc(32, heap.types.pointer(), true)];
        let pc = 0;
        ops.forEach((op, k) => {
          const g = gs[k % gs.length];
          if (op.kind === "call") {
            const d = g.frames.length;
            const slots: Slot[] = [];
            for (let i = 0; i < 8; i++) {
              const bit = (op.ptrs >>> i) & 1;
              if (!bit) slots.push({ kind: "scalar", value: (g.lo + 16 * i) >>> 0 });
              else if (d === 0 || i % 3 === 0) slots.push({ kind: "heap", addr: objs[(i + k) % objs.length] });
              else slots.push({ kind: "stack", frame: (k * 7 + i) % d, slot: i % 4 });
            }
            g.push({ funcId: 9, pc: pc++, size: FR_SLOTS + 64 + 8 * Math.floor(op.size / 8), slots });
          } else if (op.kind === "ret") {
            for (let i = 0; i < op.n && g.frames.length > 0; i++) g.pop();
          } else if (op.kind === "shrink") {
            for (const x of gs) x.heap.stacks.shrinkstack(x.g);
          } else {
            objs.push(heap.mallocgc(48, heap.types.pointer(), true));
          }
          for (const x of gs) x.check();
        });
        assertHeapValid(heap);
      }),
      { numRuns: 40 },
    );
  });
});
