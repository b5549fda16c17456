import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FatalError } from "./debug.js";
import { GCWorld, VirtualClock } from "./mgctesting.js";
import { GCTriggerKind } from "./mgcpacer.js";
import { GC_MARK } from "./mgc.js";

function world(): GCWorld {
  return new GCWorld({ nanotime: new VirtualClock().now, debug: { gccheckmark: 1 } });
}

describe("finalizers", () => {
  it("run once, after unreachability, with the object and what it references kept alive", () => {
    const w = world();
    const obj = w.alloc(1);
    const kid = w.alloc(1);
    const fn = w.alloc(1); // the finalizer closure: only the special references it
    w.setField(obj, 0, kid);
    w.setGlobal(0, obj);
    w.gc.setFinalizer(obj, fn);
    expect(w.gc.finalizers.hasFinalizer(obj)).toBe(true);
    w.gc.GC();
    expect(w.gc.takeReadyFinalizers()).toEqual([]); // still reachable
    expect(w.isAllocated(fn)).toBe(true);
    w.setGlobal(0, 0);
    w.gc.GC();
    const ready = w.gc.takeReadyFinalizers();
    expect(ready).toEqual([{ fn, obj, fint: 0, ot: 0, nret: 0 }]);
    // Resurrected for the finalizer: the object, its referent and the closure are intact.
    expect(w.isAllocated(obj)).toBe(true);
    expect(w.isAllocated(kid)).toBe(true);
    expect(w.field(obj, 0)).toBe(kid);
    expect(w.gc.finalizers.hasFinalizer(obj)).toBe(false);
    // The finalizer ran and dropped obj: the next cycle frees everything, no second run.
    w.gc.GC();
    expect(w.gc.takeReadyFinalizers()).toEqual([]);
    expect(w.isAllocated(obj)).toBe(false);
    expect(w.isAllocated(kid)).toBe(false);
    expect(w.isAllocated(fn)).toBe(false);
  });

  it("a queued finalizer keeps its object alive across cycles until taken", () => {
    const w = world();
    const obj = w.alloc(1);
    w.gc.setFinalizer(obj, 0x1100 /* static funcval: not a heap object */);
    w.gc.GC();
    w.gc.GC();
    w.gc.GC();
    expect(w.isAllocated(obj)).toBe(true);
    expect(w.gc.finalizers.finqLen).toBe(1);
    expect(w.gc.takeReadyFinalizers().map((r) => r.obj)).toEqual([obj]);
    w.gc.GC();
    expect(w.isAllocated(obj)).toBe(false);
  });

  it("resurrection: a finalizer that stores the object keeps it, and it is not finalized again", () => {
    const w = world();
    const obj = w.alloc(2);
    w.gc.setFinalizer(obj, 0x1100);
    w.gc.GC();
    const [r] = w.gc.takeReadyFinalizers();
    w.setGlobal(3, r!.obj); // the finalizer resurrects it
    for (let i = 0; i < 3; i++) w.gc.GC();
    expect(w.isAllocated(obj)).toBe(true);
    expect(w.gc.takeReadyFinalizers()).toEqual([]);
    // A new finalizer may be set from the finalizer; it runs when obj dies again.
    w.gc.setFinalizer(obj, 0x1100);
    w.setGlobal(3, 0);
    w.gc.GC();
    expect(w.gc.takeReadyFinalizers().map((x) => x.obj)).toEqual([obj]);
  });

  it("SetFinalizer errors are Go's fatal errors; globals are ignored quietly", () => {
    const w = world();
    const obj = w.alloc(2);
    const fatalMsg = (f: () => void) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(FatalError);
        return (e as FatalError).message;
      }
      return "";
    };
    expect(fatalMsg(() => w.gc.setFinalizer(0, 0x1100))).toBe("runtime.SetFinalizer: first argument is nil");
    expect(fatalMsg(() => w.gc.setFinalizer(obj + 8, 0x1100))).toBe("runtime.SetFinalizer: pointer not at beginning of allocated block");
    w.gc.setFinalizer(obj, 0x1100);
    expect(fatalMsg(() => w.gc.setFinalizer(obj, 0x1100))).toBe("runtime.SetFinalizer: finalizer already set");
    expect(fatalMsg(() => w.gc.setFinalizer(0x20000000 - 64, 0x1100))).toBe("runtime.SetFinalizer: pointer not in allocated block");
    expect(fatalMsg(() => w.gc.setFinalizer(w.globals + 8, 0x1100))).toBe("");
    // SetFinalizer(obj, nil) removes it.
    w.gc.setFinalizer(obj, 0);
    expect(w.gc.finalizers.hasFinalizer(obj)).toBe(false);
    w.gc.GC();
    expect(w.gc.takeReadyFinalizers()).toEqual([]);
    expect(w.isAllocated(obj)).toBe(false);
  });

  it("SetFinalizer during marking keeps the referents of an already-scanned object", () => {
    const w = world();
    const obj = w.alloc(1);
    const kid = w.alloc(1);
    w.setField(obj, 0, kid);
    w.setGlobal(0, obj);
    w.gc.gcStart(GCTriggerKind.Heap, false);
    const m = w.gc.marker;
    while (m.rootNext < m.nRootJobs) m.markroot(m.rootNext++);
    w.gc.setFinalizer(obj, 0x1100);
    w.setGlobal(0, 0);
    while (w.gc.phase === GC_MARK) w.gc.markSliceForTest(1 << 20);
    w.gc.sweeper.finishAll();
    w.gc.GC();
    expect(w.gc.takeReadyFinalizers().map((r) => r.obj)).toEqual([obj]);
    expect(w.field(obj, 0)).toBe(kid);
    expect(w.isAllocated(kid)).toBe(true);
  });

  it("every finalizer runs exactly once, only after its object became unreachable (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(19), fc.nat(4)), { minLength: 1, maxLength: 60 }), (steps) => {
        const w = world();
        const objs: number[] = [];
        for (let i = 0; i < 20; i++) {
          const o = w.alloc(1);
          objs.push(o);
          w.gc.setFinalizer(o, 0x1100);
        }
        // Root them in a chain of globals/stack.
        for (let i = 0; i < 16; i++) w.setGlobal(i, objs[i]!);
        for (let i = 16; i < 20; i++) w.setStackSlot(w.gs[0]!, i - 16, objs[i]!);
        const ran = new Map<number, number>();
        const dropped = new Set<number>();
        for (const [k, action] of steps) {
          if (action === 0) {
            if (k < 16) w.setGlobal(k, 0);
            else w.setStackSlot(w.gs[0]!, k - 16, 0);
            dropped.add(objs[k]!);
          } else if (action === 1) {
            w.gc.GC();
          } else {
            for (const r of w.gc.takeReadyFinalizers()) {
              expect(dropped.has(r.obj)).toBe(true);
              ran.set(r.obj, (ran.get(r.obj) ?? 0) + 1);
            }
          }
        }
        w.gc.GC();
        for (const r of w.gc.takeReadyFinalizers()) ran.set(r.obj, (ran.get(r.obj) ?? 0) + 1);
        for (const o of objs) expect([o, ran.get(o) ?? 0]).toEqual([o, dropped.has(o) ? 1 : 0]);
      }),
      { numRuns: 40 },
    );
  });
});

describe("finalizer queue during marking", () => {
  it("objects taken from the queue while marking are shaded (the queue was a root)", () => {
    const w = world();
    const obj = w.alloc(1);
    w.gc.setFinalizer(obj, 0x1100);
    w.gc.GC(); // queued
    w.gc.gcStart(GCTriggerKind.Heap, false);
    const m = w.gc.marker;
    // Scan all stacks first (the finalizer goroutine's stack is black), then take the entry.
    while (m.rootNext < m.nRootJobs) {
      if (m.rootNext === 0) {
        m.rootNext++; // skip job 0 (runtime + finalizer roots) for now
        continue;
      }
      m.markroot(m.rootNext++);
    }
    const [r] = w.gc.takeReadyFinalizers();
    w.setStackSlot(w.gs[0]!, 2, r!.obj); // the finalizer goroutine holds it
    while (w.gc.phase === GC_MARK) w.gc.markSliceForTest(1 << 20);
    w.gc.sweeper.finishAll();
    expect(w.isAllocated(obj)).toBe(true);
  });
});
