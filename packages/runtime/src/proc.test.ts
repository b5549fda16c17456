import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import { assemble } from "./vm/asm.js";
import { validateImage } from "./image/serialize.js";
import { runGo, type RunGoOptions, type Sched } from "./proc.js";
import { VirtualClock } from "./time.js";
import { CHAN_HEADER, LIST_BUILD, SPIN_MAIN, pingPong, sumOfBuilders } from "./sched-programs.js";
import type { NativeFn } from "./vm/interp.js";
import { GDEAD, GWAITING, G_CTX, G_STATUS } from "./vm/g.js";
import { spanIsAllocated } from "./mspan.js";
import { G_ASSIST, G_WAITING, SG_C } from "./runtime2.js";

function go(src: string, opts: RunGoOptions = {}) {
  const img = assemble(src);
  validateImage(img, "test");
  let err = "";
  const r = runGo(img, { write: (s) => (err += s), clock: new VirtualClock(), seed: 1, ...opts });
  return { ...r, err, result: (i: number) => r.vm.result(r.g, i) };
}

/** Go's traceback with the pc offsets (which depend on machine code) normalised. */
const normOffsets = (s: string) => s.replace(/ \+0x[0-9a-f]+$/gm, " +0x…");

describe("channels: unbuffered and buffered", () => {
  it("ping-pong over unbuffered channels: N round trips, values intact", () => {
    const r = go(pingPong(1000));
    expect(r.err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.result(0)).toBe(1000n);
  });

  const PRODCONS = `${CHAN_HEADER}
.const N 500
.type clo1 size=16 ptrs=1 kind=19 str=func()
func main.prod params=0 results=0 frame=5 ptrs=0,1,2 closure
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  LDI s3, 1
  LDK s4, $N
loop:
  CALLN runtime.chansend1, s1, s0
  ADDI s3, s3, 1
  JLE s3, s4, loop
  CALLN runtime.closechan, s1, s0
  RET
end
func main.main params=0 results=3 frame=12 ptrs=3,4,6
  TYPEADDR s9, %chint
  LDI s10, CAP
  CALLN runtime.makechan, s9, s3
  FADDR s4, 5
  NEW s6, %clo1
  LDI s7, @main.prod
  ST64 s6, 0, s7
  STP s6, 8, s3
  CALLN runtime.newproc, s6, s7
loop:
  CALLN runtime.chanrecv2, s3, s8
  JF s8, done
  ADDI s1, s1, 1
  JNE s5, s1, bad
  ADD s0, s0, s5
  JMP 0, loop
done:
  ; after close and drain: zero value, ok=false, again
  CALLN runtime.chanrecv2, s3, s8
  ADD s2, s5, s8
  RET
bad:
  LDI s0, -1
  RET
end
.entry main.main
`;
  for (const cap of [0, 1, 4, 1000]) {
    it(`producer/consumer over a chan with capacity ${cap}: FIFO order, close drains then zero/false`, () => {
      const r = go(PRODCONS.replace("CAP", String(cap)));
      expect(r.err).toBe("");
      expect(r.result(0)).toBe(125250n);
      expect(r.result(1)).toBe(500n);
      expect(r.result(2)).toBe(0n);
    });
  }

  it("prime sieve: a chain of 100 filter goroutines yields the first 100 primes", () => {
    const r = go(SIEVE);
    expect(r.err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.result(0)).toBe(24133n); // sum of the first 100 primes
    expect(r.result(1)).toBe(541n); // the 100th prime
    expect(r.sched.ngoroutines).toBe(102); // main + generate + 100 filters, all alive at exit
  });
});

const SIEVE = `${CHAN_HEADER}
.const N 100
.type cloG size=16 ptrs=1 kind=19 str=func()
.type cloF size=32 ptrs=1,2 kind=19 str=func()
func main.generate params=0 results=0 frame=5 ptrs=0,1,2 closure
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  LDI s3, 2
loop:
  CALLN runtime.chansend1, s1, s4
  ADDI s3, s3, 1
  JMP 0, loop
end
func main.filter params=0 results=0 frame=9 ptrs=0,1,2,3,4 closure
  GETCTX s0
  LD64 s1, s0, 8
  LD64 s3, s0, 16
  LD64 s6, s0, 24
  FADDR s2, 5
  FADDR s4, 5
loop:
  CALLN runtime.chanrecv1, s1, s7
  REM s7, s5, s6
  JEQI s7, 0, loop
  CALLN runtime.chansend1, s3, s7
  JMP 0, loop
end
func main.main params=0 results=2 frame=14 ptrs=3,4,5,6
  TYPEADDR s12, %chint
  LDI s13, 0
  CALLN runtime.makechan, s12, s3
  NEW s5, %cloG
  LDI s7, @main.generate
  ST64 s5, 0, s7
  STP s5, 8, s3
  CALLN runtime.newproc, s5, s7
  FADDR s4, 8
  LDI s9, 0
  LDK s10, $N
loop:
  CALLN runtime.chanrecv1, s3, s7
  ADD s0, s0, s8
  MOV s1, s8
  CALLN runtime.makechan, s12, s6
  NEW s5, %cloF
  LDI s7, @main.filter
  ST64 s5, 0, s7
  STP s5, 8, s3
  STP s5, 16, s6
  ST64 s5, 24, s8
  CALLN runtime.newproc, s5, s7
  MOV s3, s6
  ADDI s9, s9, 1
  JLT s9, s10, loop
  RET
end
.entry main.main
`;

describe("goroutines and the collector", () => {
  it("a full GC (gccheckmark) at every step of the sieve keeps channels, closures and parked stacks intact", () => {
    // The GC runs right after each \`go\`, with the closure's only reference in the new G's
    // context register (G_CTX, a registered root) and the channels reachable only from stacks.
    const src = SIEVE.replace("  MOV s3, s6\n", "  MOV s3, s6\n  LDI s5, 0\n  CALLN runtime.GC, s7, s7\n").replace(".const N 100", ".const N 40\n.native runtime.GC");
    // After each GC, every goroutine's closure (G_CTX) must still be an allocated object.
    let sched: Sched | null = null;
    let lost = 0;
    let checked = 0;
    const gcAndCheck: NativeFn = (vm) => {
      sched!.gc!.GC();
      const heap = vm.heap;
      for (const g of sched!.allgs) {
        if (vm.mem.u32[(g + G_STATUS) >>> 2] === GDEAD) continue;
        const ctx = vm.mem.u32[(g + G_CTX) >>> 2];
        if (ctx === 0) continue;
        checked++;
        if (heap.findObject(ctx) !== ctx || !spanIsAllocated(vm.mem, heap.foundSpan, heap.foundIndex)) lost++;
      }
    };
    const r = go(src.replace(/runtime\.GC/g, "test.gcAndCheck"), {
      GODEBUG: "gccheckmark=1",
      natives: new Map([["test.gcAndCheck", gcAndCheck]]),
      onSched: (s) => (sched = s),
    });
    expect(r.err).toBe("");
    expect(checked).toBeGreaterThan(40);
    expect(lost).toBe(0);
    expect(r.result(1)).toBe(173n); // the 40th prime
    expect(r.sched.gc!.readMemStats().NumGC).toBe(40);
  });

  it("a goroutine parked on a channel nobody else references keeps it alive (sudog.c is a root)", () => {
    // The waiter's frame does NOT list the channel slot as a pointer (as a compiler's liveness
    // may after the call): only the sudog refers to the hchan while the GC runs.
    const src = `${CHAN_HEADER}
.native runtime.Gosched
.native test.gcAndCheck
.type clo0 size=8 kind=19 str=func()
func main.waiter params=0 results=0 frame=6 ptrs=2 closure
  TYPEADDR s0, %chint
  LDI s1, 0
  CALLN runtime.makechan, s0, s3
  FADDR s4, 5
  CALLN runtime.chanrecv1, s3, s0
  RET
end
func main.main params=0 results=0 frame=6 ptrs=2
  NEW s2, %clo0
  LDI s3, @main.waiter
  ST64 s2, 0, s3
  CALLN runtime.newproc, s2, s3
  CALLN runtime.Gosched, s3, s3
  CALLN test.gcAndCheck, s3, s3
  RET
end
.entry main.main
`;
    let sched: Sched | null = null;
    const alive: boolean[] = [];
    const gcAndCheck: NativeFn = (vm) => {
      // A full cycle (sweep included): an unrooted hchan would come back unallocated.
      sched!.gc!.GC();
      for (const g of sched!.allgs) {
        const sg = vm.mem.u32[(g + G_WAITING) >>> 2];
        if (sg === 0) continue;
        const c = vm.mem.u32[(sg + SG_C) >>> 2];
        alive.push(vm.heap.findObject(c) === c && spanIsAllocated(vm.mem, vm.heap.foundSpan, vm.heap.foundIndex));
      }
    };
    const r = go(src, { natives: new Map([["test.gcAndCheck", gcAndCheck]]), onSched: (s) => (sched = s) });
    expect(r.err).toBe("");
    expect(alive).toEqual([true]);
  });
});

describe("close semantics and channel panics", () => {
  const PANIC_HEAD = `${CHAN_HEADER}
.file /tmp/x/main.go
func main.main params=0 results=0 frame=8 ptrs=2,3 line=3
  .line 4
  TYPEADDR s0, %chint
  LDI s1, 1
  CALLN runtime.makechan, s0, s2
  FADDR s3, 4
`;
  it("send on a closed channel panics with Go's message and traceback, exit 2", () => {
    const r = go(PANIC_HEAD + "  .line 5\n  CALLN runtime.closechan, s2, s5\n  .line 6\n  CALLN runtime.chansend1, s2, s5\n  RET\nend\n");
    expect(r.exitCode).toBe(2);
    expect(normOffsets(r.err)).toBe("panic: send on closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x/main.go:6 +0x…\n");
  });
  it("close of a closed channel and of a nil channel panic", () => {
    const r = go(PANIC_HEAD + "  .line 5\n  CALLN runtime.closechan, s2, s5\n  .line 7\n  CALLN runtime.closechan, s2, s5\n  RET\nend\n");
    expect(normOffsets(r.err)).toBe("panic: close of closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x/main.go:7 +0x…\n");
    const n = go(PANIC_HEAD + "  LDI s2, 0\n  .line 8\n  CALLN runtime.closechan, s2, s5\n  RET\nend\n");
    expect(n.exitCode).toBe(2);
    expect(n.err).toMatch(/^panic: close of nil channel\n/);
  });

  it("close wakes a blocked receiver (zero, false) and a blocked sender (panics in its goroutine)", () => {
    const src = `${CHAN_HEADER}
.type clo1 size=16 ptrs=1 kind=19 str=func()
.file /tmp/x/main.go
func main.recv params=0 results=0 frame=6 ptrs=0,1,2 closure line=10
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  LDI s3, 99
  CALLN runtime.chanrecv2, s1, s4
  ; report (value, ok) through a global
  SADDR s5, &out
  ST64 s5, 0, s3
  ST64 s5, 8, s4
  RET
end
func main.send params=0 results=0 frame=6 ptrs=0,1,2 closure line=20
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  .line 21
  CALLN runtime.chansend1, s1, s4
  RET
end
func main.main params=0 results=0 frame=10 ptrs=2,3,4 line=3
  TYPEADDR s0, %chint
  LDI s1, 0
  CALLN runtime.makechan, s0, s2
  NEW s4, %clo1
  LDI s5, @main.recv
  ST64 s4, 0, s5
  STP s4, 8, s2
  CALLN runtime.newproc, s4, s5
  CALLN runtime.Gosched, s5, s5
  CALLN runtime.closechan, s2, s5
  CALLN runtime.Gosched, s5, s5
  ; now a sender on a fresh channel, closed while it waits
  TYPEADDR s0, %chint
  CALLN runtime.makechan, s0, s2
  NEW s4, %clo1
  LDI s5, @main.send
  ST64 s4, 0, s5
  STP s4, 8, s2
  .line 30
  CALLN runtime.newproc, s4, s5
  CALLN runtime.Gosched, s5, s5
  CALLN runtime.closechan, s2, s5
  CALLN runtime.Gosched, s5, s5
  RET
end
.global out 16
.native runtime.Gosched
.entry main.main
`;
    const r = go(src);
    const out = r.sched.vm.image.globals().base;
    expect(r.vm.mem.i64[out >>> 3]).toBe(0n); // zero value written over the 99
    expect(r.vm.mem.i64[(out + 8) >>> 3]).toBe(0n); // ok = false
    expect(r.exitCode).toBe(2);
    expect(normOffsets(r.err)).toBe(
      "panic: send on closed channel\n\ngoroutine 6 [running]:\nmain.send()\n\t/tmp/x/main.go:21 +0x…\ncreated by main.main\n\t/tmp/x/main.go:30 +0x…\n",
    );
  });
});

describe("select", () => {
  const SELECT = `${CHAN_HEADER}
.native runtime.selectgo
.native runtime.selectnbsend
.native runtime.selectnbrecv
func main.main params=0 results=4 frame=32 ptrs=3,4,10,11,12,13,16,17
  TYPEADDR s14, %chint
  LDI s15, 1
  CALLN runtime.makechan, s14, s10
  CALLN runtime.makechan, s14, s12
  FADDR s11, 25
  FADDR s13, 25
  FADDR s4, 26
  LDI s26, 7
  FADDR s16, 10
  FADDR s17, 28
  LDI s18, 0
  LDI s19, 0
  LDI s20, 2
  LDI s21, 0
  ; both empty, no block: default (-1)
  CALLN runtime.selectgo, s16, s22
  JNEI s22, -1, bad
  LDI s2, 1
  ; selectnbrecv on an empty channel: not selected
  MOV s5, s13
  MOV s6, s10
  CALLN runtime.selectnbrecv, s5, s7
  JNEI s7, 0, bad
  ; selectnbsend into the empty buffer succeeds, a second one would block
  MOV s3, s10
  CALLN runtime.selectnbsend, s3, s7
  JEQI s7, 0, bad
  CALLN runtime.selectnbsend, s3, s7
  JNEI s7, 0, bad
  ; fill c2 as well; now both cases are always ready
  MOV s3, s12
  CALLN runtime.chansend1, s3, s5
  LDI s21, 1
  LDI s27, 0
  LDI s29, 400
loop:
  LDI s25, 0
  CALLN runtime.selectgo, s16, s22
  JEQI s23, 0, bad
  JNEI s25, 7, bad
  JEQI s22, 0, c0
  ADDI s1, s1, 1
  MOV s3, s12
  JMP 0, refill
c0:
  ADDI s0, s0, 1
  MOV s3, s10
refill:
  CALLN runtime.chansend1, s3, s5
  ADDI s27, s27, 1
  JLT s27, s29, loop
  LDI s3, 1
  RET
bad:
  LDI s3, -1
  RET
end
.entry main.main
`;
  it("default when nothing is ready; a random choice among ready cases (both occur)", () => {
    for (const seed of [1, 2, 3]) {
      const r = go(SELECT, { seed });
      expect(r.err).toBe("");
      expect(r.result(3)).toBe(1n);
      expect(r.result(2)).toBe(1n);
      const a = Number(r.result(0));
      const b = Number(r.result(1));
      expect(a + b).toBe(400);
      // uniform choice: each case ~200 of 400 (binomial sd 10); 120 is 8 sd away
      expect(a).toBeGreaterThan(120);
      expect(b).toBeGreaterThan(120);
    }
  });

  it("a blocking select parks on every case and wakes on the one that fires; the other sudog is dequeued", () => {
    const src = `${CHAN_HEADER}
.native runtime.selectgo
.native runtime.selectnbsend
.type clo1 size=16 ptrs=1 kind=19 str=func()
func main.sender params=0 results=0 frame=5 ptrs=0,1,2 closure
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  LDI s3, 42
  CALLN runtime.chansend1, s1, s4
  RET
end
func main.main params=0 results=3 frame=32 ptrs=3,4,6,10,11,12,13,16,17
  TYPEADDR s14, %chint
  LDI s15, 0
  CALLN runtime.makechan, s14, s10
  CALLN runtime.makechan, s14, s12
  FADDR s11, 25
  FADDR s13, 25
  FADDR s16, 10
  FADDR s17, 28
  LDI s18, 0
  LDI s19, 0
  LDI s20, 2
  LDI s21, 1
  NEW s6, %clo1
  LDI s7, @main.sender
  ST64 s6, 0, s7
  STP s6, 8, s12
  CALLN runtime.newproc, s6, s7
  CALLN runtime.selectgo, s16, s22
  MOV s0, s22
  MOV s1, s25
  ; c1 has no receiver any more: a non-blocking send must fail
  MOV s3, s10
  FADDR s4, 26
  CALLN runtime.selectnbsend, s3, s2
  RET
end
.entry main.main
`;
    const r = go(src);
    expect(r.err).toBe("");
    expect(r.result(0)).toBe(1n);
    expect(r.result(1)).toBe(42n);
    expect(r.result(2)).toBe(0n);
  });
});

describe("deadlock detection", () => {
  // go1.19 (GOMAXPROCS=1) output for /tmp/dl/m3.go:
  //   package main
  //
  //   func main() {
  //   	c := make(chan int)
  //   	go func() { c <- 1 }()
  //   	go func() { c <- 2 }()
  //   	select {}
  //   }
  const GO_OUTPUT = `fatal error: all goroutines are asleep - deadlock!

goroutine 1 [select (no cases)]:
main.main()
	/tmp/dl/m3.go:7 +0x8b

goroutine 5 [chan send]:
main.main.func1()
	/tmp/dl/m3.go:5 +0x25
created by main.main
	/tmp/dl/m3.go:5 +0x58

goroutine 6 [chan send]:
main.main.func2()
	/tmp/dl/m3.go:6 +0x25
created by main.main
	/tmp/dl/m3.go:6 +0x86
`;
  it("all goroutines asleep: Go's message, every goroutine with its wait reason and creator, exit 2", () => {
    const src = `${CHAN_HEADER}
.native runtime.block
.type clo1 size=16 ptrs=1 kind=19 str=func()
.file /tmp/dl/m3.go
func main.main.func1 params=0 results=0 frame=5 ptrs=0,1,2 closure line=5
  .line 5
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  LDI s3, 1
  CALLN runtime.chansend1, s1, s4
  RET
end
func main.main.func2 params=0 results=0 frame=5 ptrs=0,1,2 closure line=6
  .line 6
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  LDI s3, 2
  CALLN runtime.chansend1, s1, s4
  RET
end
func main.main params=0 results=0 frame=10 ptrs=2,4 line=3
  .line 4
  TYPEADDR s0, %chint
  LDI s1, 0
  CALLN runtime.makechan, s0, s2
  .line 5
  NEW s4, %clo1
  LDI s5, @main.main.func1
  ST64 s4, 0, s5
  STP s4, 8, s2
  CALLN runtime.newproc, s4, s5
  .line 6
  NEW s4, %clo1
  LDI s5, @main.main.func2
  ST64 s4, 0, s5
  STP s4, 8, s2
  CALLN runtime.newproc, s4, s5
  .line 7
  CALLN runtime.block, s5, s5
  RET
end
.entry main.main
`;
    const r = go(src);
    expect(r.exitCode).toBe(2);
    expect(normOffsets(r.err)).toBe(normOffsets(GO_OUTPUT));
  });

  it("a send on a nil channel blocks forever: [chan send (nil chan)]", () => {
    const r = go(`${CHAN_HEADER}
.file /tmp/dl/m2.go
func main.main params=0 results=0 frame=6 ptrs=0,1 line=3
  .line 4
  LDI s0, 0
  FADDR s1, 2
  .line 5
  CALLN runtime.chansend1, s0, s3
  RET
end
`);
    // go1.19 prints exactly this (offset normalised) for `var c chan int; c <- 1`
    expect(normOffsets(r.err)).toBe("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send (nil chan)]:\nmain.main()\n\t/tmp/dl/m2.go:5 +0x…\n");
    expect(r.exitCode).toBe(2);
  });

  it("main calling Goexit with nothing else left: Go's no-goroutines deadlock", () => {
    const r = go(`.native runtime.Goexit
func main.main params=0 results=0 frame=2
  CALLN runtime.Goexit, s0, s0
  RET
end
`);
    expect(r.err).toBe("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
    expect(r.exitCode).toBe(2);
  });
});

describe("exit paths", () => {
  it("os.runtime_exit ends the program at once with its status, other goroutines notwithstanding", () => {
    const r = go(`.native os.runtime_exit
.native runtime.newproc
.type clo0 size=8 kind=19 str=func()
func main.never params=0 results=0 frame=1 closure
  PRINTI s0
  RET
end
func main.main params=0 results=0 frame=6 ptrs=2
  NEW s2, %clo0
  LDI s3, @main.never
  ST64 s2, 0, s3
  CALLN runtime.newproc, s2, s3
  LDI s4, 7
  PRINTI s4
  PRINTNL
  LDI s4, 3
  CALLN os.runtime_exit, s4, s5
  LDI s4, 8
  PRINTI s4
  RET
end
.entry main.main
`);
    expect(r.exitCode).toBe(3);
    expect(r.err).toBe("7\n");
  });
});

describe("preemption, stacks, sleeping, semaphores", () => {
  it("a goroutine spinning forever does not starve main (budget preemption)", () => {
    const src = SPIN_MAIN;
    const r = go(src, { budget: 1000 });
    expect(r.err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.result(0)).toBe(20000n);
  });

  it("parked goroutines' stacks move (grown before parking, copied while parked): the value lands in the moved frame", () => {
    // worker: recurses DEPTH frames (growing its 1 KiB stack by copying), parks at the bottom
    // receiving into a slot of that frame; while it is parked a test native copies every waiting
    // goroutine's stack (as the GC's shrink would); then main sends and the worker replies v*2.
    const src = `${CHAN_HEADER}
.native test.moveParkedStacks
.type clo2 size=24 ptrs=1,2 kind=19 str=func()
func main.deep params=3 results=1 frame=10 ptrs=0,1,4,5,6,7
  ; s0 = in, s1 = out, s2 = depth
  JEQI s2, 0, bottom
  ADDI s8, s2, -1
  MOV s4, s0
  MOV s5, s1
  MOV s9, s8
  MOV s6, s4
  MOV s7, s5
  CALL main.deep, s6, s3
  RET
bottom:
  FADDR s5, 8
  MOV s4, s0
  CALLN runtime.chanrecv1, s4, s9
  ADD s8, s8, s8
  MOV s6, s1
  FADDR s7, 8
  CALLN runtime.chansend1, s6, s9
  LDI s3, 1
  RET
end
func main.worker params=0 results=0 frame=8 ptrs=0,1,2 closure
  GETCTX s0
  LD64 s1, s0, 8
  LD64 s2, s0, 16
  LDI s3, DEPTH
  CALL main.deep, s1, s4
  RET
end
func main.main params=0 results=2 frame=14 ptrs=3,4,5,6,10
  TYPEADDR s12, %chint
  LDI s13, 0
  CALLN runtime.makechan, s12, s3
  CALLN runtime.makechan, s12, s5
  NEW s10, %clo2
  LDI s11, @main.worker
  ST64 s10, 0, s11
  STP s10, 8, s3
  STP s10, 16, s5
  CALLN runtime.newproc, s10, s11
  CALLN runtime.Gosched, s11, s11
  CALLN test.moveParkedStacks, s11, s1
  FADDR s4, 7
  LDI s7, 21
  CALLN runtime.chansend1, s3, s11
  FADDR s6, 8
  CALLN runtime.chanrecv1, s5, s11
  MOV s0, s8
  RET
end
.native runtime.Gosched
.entry main.main
`;
    let sched: Sched | null = null;
    const moveParked: NativeFn = (vm, _g, _args, res) => {
      let moved = 0;
      for (const g of sched!.allgs) {
        if (vm.mem.u32[(g + G_STATUS) >>> 2] !== GWAITING) continue;
        vm.heap.stacks.copystack(g, vm.stackSize(g) * 2);
        moved++;
      }
      vm.mem.i64[res >>> 3] = BigInt(moved);
    };
    let err = "";
    const r = runGo(assemble(src.replace("DEPTH", "300")), {
      write: (s) => (err += s),
      clock: new VirtualClock(),
      natives: new Map([["test.moveParkedStacks", moveParked]]),
      onSched: (s) => (sched = s),
    });
    expect(err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 1)).toBe(1n); // one parked goroutine's stack was copied
    expect(r.vm.result(r.g, 0)).toBe(42n);
    expect(r.vm.heap.stacks.copies).toBeGreaterThanOrEqual(4);
  });

  it("time.Sleep parks on the timer heap; the idle scheduler sleeps until the earliest deadline (virtual clock)", () => {
    const src = `${CHAN_HEADER}
.native time.Sleep
.type clo1 size=16 ptrs=1 kind=19 str=func()
func main.sleeper params=0 results=0 frame=6 ptrs=0,1,2 closure
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  LDI s4, 500000000
  CALLN time.Sleep, s4, s5
  LDI s3, 7
  CALLN runtime.chansend1, s1, s5
  RET
end
func main.main params=0 results=2 frame=12 ptrs=3,4,6
  TYPEADDR s9, %chint
  LDI s10, 0
  CALLN runtime.makechan, s9, s3
  NEW s6, %clo1
  LDI s7, @main.sleeper
  ST64 s6, 0, s7
  STP s6, 8, s3
  CALLN runtime.newproc, s6, s7
  LDI s8, 1000000000
  CALLN time.Sleep, s8, s7
  FADDR s4, 1
  CALLN runtime.chanrecv1, s3, s7
  LDI s0, 1
  RET
end
.entry main.main
`;
    const clock = new VirtualClock();
    const r = go(src, { clock });
    expect(r.err).toBe("");
    expect(r.result(1)).toBe(7n);
    // the sleeper's send blocks until main wakes at 1 s: total virtual time exactly 1 s
    expect(clock.now()).toBe(1e9);
    expect(r.sched.idleSleeps).toBe(2);
  });

  it("semaphores: Semacquire parks until Semrelease hands the count over", () => {
    const src = `${CHAN_HEADER}
.native sync.runtime_Semacquire
.native sync.runtime_Semrelease
.global sema 8
.global trace 8
.type clo0 size=8 kind=19 str=func()
func main.waiter params=0 results=0 frame=6 closure
  SADDR s0, &sema
  CALLN sync.runtime_Semacquire, s0, s5
  SADDR s1, &trace
  LD64 s2, s1, 0
  MULK s2, s2, $TEN
  ADDI s2, s2, 2
  ST64 s1, 0, s2
  RET
end
func main.main params=0 results=1 frame=10 ptrs=2
  NEW s2, %clo0
  LDI s3, @main.waiter
  ST64 s2, 0, s3
  CALLN runtime.newproc, s2, s3
  CALLN runtime.Gosched, s3, s3
  SADDR s4, &trace
  LDI s5, 1
  ST64 s4, 0, s5
  SADDR s6, &sema
  LDI s7, 0
  LDI s8, 0
  CALLN sync.runtime_Semrelease, s6, s9
  CALLN runtime.Gosched, s3, s3
  LD64 s0, s4, 0
  RET
end
.const TEN 10
.native runtime.Gosched
.entry main.main
`;
    const r = go(src);
    expect(r.err).toBe("");
    expect(r.result(0)).toBe(12n); // main ran first (1), then the waiter after the release (·10+2)
  });

  it("sync.Cond's notify list: NotifyOne wakes the oldest ticket, NotifyAll the rest (Go's order); wait reason sync.Cond.Wait", () => {
    const src = `.native runtime.newproc
.native runtime.Gosched
.native runtime.NumGoroutine
.native sync.runtime_notifyListAdd
.native sync.runtime_notifyListWait
.native sync.runtime_notifyListNotifyOne
.native sync.runtime_notifyListNotifyAll
.native test.status
.global nl 32
.global trace 8
.const TEN 10
.type clo1 size=16 kind=19 str=func()
func main.waiter params=0 results=0 frame=8 closure
  GETCTX s0
  LD64 s6, s0, 8
  SADDR s1, &nl
  CALLN sync.runtime_notifyListAdd, s1, s2
  CALLN sync.runtime_notifyListWait, s1, s3
  SADDR s4, &trace
  LD64 s5, s4, 0
  MULK s5, s5, $TEN
  ADD s5, s5, s6
  ST64 s4, 0, s5
  RET
end
func main.main params=0 results=2 frame=10 ptrs=2
  LDI s5, 1
loop:
  NEW s2, %clo1
  LDI s3, @main.waiter
  ST64 s2, 0, s3
  ST64 s2, 8, s5
  CALLN runtime.newproc, s2, s3
  CALLN runtime.Gosched, s3, s3
  ADDI s5, s5, 1
  JLEI s5, 3, loop
  CALLN test.status, s3, s1
  SADDR s6, &nl
  CALLN sync.runtime_notifyListNotifyOne, s6, s3
  CALLN runtime.Gosched, s3, s3
  CALLN sync.runtime_notifyListNotifyAll, s6, s3
  CALLN runtime.Gosched, s3, s3
  SADDR s4, &trace
  LD64 s0, s4, 0
  RET
end
.entry main.main
`;
    let sched: Sched | null = null;
    const status: NativeFn = (vm, _g, _a, res) => {
      // how many goroutines show "sync.Cond.Wait"
      vm.mem.i64[res >>> 3] = BigInt(sched!.allgs.filter((g) => sched!.statusString(g) === "sync.Cond.Wait").length);
    };
    const r = go(src, { natives: new Map([["test.status", status]]), onSched: (s) => (sched = s) });
    expect(r.err).toBe("");
    expect(r.result(1)).toBe(3n);
    // waiter 1 (oldest ticket) on NotifyOne; NotifyAll readies 2 then 3, each into runnext, so 3
    // runs first — go1.19 with GOMAXPROCS=1 prints 132 for the same program with sync.Cond.
    expect(r.result(0)).toBe(132n);
  });
});

describe("library natives", () => {
  const stdlibGo = new URL("../../stdlib/go/", import.meta.url);
  /** Body-less functions ("pkg.Name") declared in packages/stdlib/go/<pkg>/*.go. */
  const declared = (pkg: string): string[] => {
    const dir = new URL(pkg + "/", stdlibGo);
    const out: string[] = [];
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith(".go")) continue;
      for (const line of fs.readFileSync(new URL(f, dir), "utf8").split("\n")) {
        const m = /^func ([A-Za-z_]\w*)\(/.exec(line);
        if (m !== null && !line.includes("{")) out.push(`${pkg}.${m[1]}`);
      }
    }
    return out;
  };

  it("every body-less function of runtime/proc.go, time, sync and sync/atomic has a runtime native", () => {
    let names: string[] = [];
    go(`func main.main params=0 results=0 frame=1
  RET
end
`, { onSched: (s) => (names = [...s.natives().keys()]) });
    const provided = new Set(names);
    const want = ["runtime", "time", "sync", "sync/atomic"].flatMap(declared);
    expect(want.length).toBeGreaterThan(50);
    expect(want.filter((n) => !provided.has(n))).toEqual([]);
  });

  it("sync/atomic: 32-bit results are canonical, 64-bit add wraps, CAS compares, nil faults", () => {
    const r = go(`.native sync/atomic.AddInt32
.native sync/atomic.AddUint32
.native sync/atomic.AddInt64
.native sync/atomic.CompareAndSwapUint64
.native sync/atomic.LoadInt32
.type i64 size=8 kind=6 str=int64
.const BIG 9223372036854775807
func main.main params=0 results=4 frame=10
  NEW s4, %i64
  MOV s5, s4
  LDI s6, -3
  CALLN sync/atomic.AddInt32, s5, s0
  MOV s5, s4
  LDI s6, 1
  CALLN sync/atomic.AddUint32, s5, s1
  MOV s5, s4
  LDK s6, $BIG
  CALLN sync/atomic.AddInt64, s5, s2
  MOV s5, s4
  MOV s6, s2
  LDI s7, 7
  CALLN sync/atomic.CompareAndSwapUint64, s5, s3
  LDI s5, 0
  CALLN sync/atomic.LoadInt32, s5, s8
  RET
end
`);
    expect(r.result(0)).toBe(-3n); // 0 + -3 as int32, sign-extended
    expect(r.result(1)).toBe(4294967294n); // 0xfffffffd + 1 as uint32, zero-extended
    expect(r.result(2)).toBe(4294967294n + 9223372036854775807n - (1n << 64n)); // wrapped
    expect(r.result(3)).toBe(1n);
    expect(r.exitCode).toBe(2); // LoadInt32(nil)
    expect(r.err).toMatch(/^panic: runtime error: invalid memory address or nil pointer dereference\n/);
  });
});

describe("natives and the collector", () => {
  it("makechan keeps the new hchan visible while it allocates the buffer (a GC then would free it)", () => {
    // 50 live buffered channels in an array, replaced round-robin: each turn receives the value
    // sent into the old channel 50 turns ago, then makes a new one and sends i. With a STW cycle
    // every few allocations (GOGC=1), an hchan held only in a JS local while its buffer was
    // allocated was freed, later reused, and a live channel's state clobbered.
    const r = go(`${CHAN_HEADER}
.native runtime.chancap
func main.main params=0 results=1 frame=18 ptrs=4,6,7,8,9,15
  LDI s0, 0
  LDI s1, 0
  LDI s12, 50
  LDI s14, 50
  NEWARR s9, %chint, s12
loop:
  REM s13, s1, s14
  INDEXP s15, s9, s13, 8
  LD64 s6, s15, 0
  JEQI s6, 0, new
  MOV s7, s6
  FADDR s8, 10
  CALLN runtime.chanrecv1, s7, s11
  ADDI s5, s1, -50
  JEQ s5, s10, new
  ADDI s0, s0, 1
new:
  TYPEADDR s2, %chint
  LDI s3, 10
  CALLN runtime.makechan, s2, s4
  MOV s7, s4
  FADDR s8, 1
  CALLN runtime.chansend1, s7, s11
  STP s15, 0, s4
  ADDI s1, s1, 1
  JLTI s1, 5000, loop
  RET
end
`, { GOGC: "1", GODEBUG: "gcstoptheworld=1,clobberfree=1" });
    expect(r.err).toBe("");
    expect(r.sched.gc?.readMemStats().NumGC ?? 0).toBeGreaterThan(5);
    expect(r.result(0)).toBe(0n);
  });
});

describe("GC assist credit per goroutine", () => {
  it("each goroutine banks its own credit across switches; in a new cycle every banked credit reads 0", () => {
    // Four goroutines build lists under GOGC=5 with short slices: they switch while marks run,
    // each banking its credit in its G record (G_ASSIST). At each cycle start the banked
    // credits must be reset (Go's gcResetMarkState), which the check below sees happen.
    const N = 20000;
    const src = `${CHAN_HEADER}
.const N ${N}
.type node size=24 ptrs=0 kind=25 str=main.node
.type clo1 size=16 ptrs=1 kind=19 str=func()
${LIST_BUILD}
${sumOfBuilders(4)}.entry main.main
`;
    // At the end of each sweep termination (the cycle counter already advanced) no goroutine
    // may have a credit left from the cycle before, though some banked one then.
    let banked = 0;
    let cycles = 0;
    let stale = 0;
    const credit = (s: Sched, g: number): number => {
      // what g would run with: make it current (banking the running one's), read, switch back
      const gc = s.gc!;
      const mine = gc.assistCredit;
      gc.switchAssistCredit(0, g);
      const c = gc.assistCredit;
      gc.assistCredit = mine;
      return c;
    };
    const r = go(src, {
      GOGC: "5",
      budget: 3000,
      onSched: (s) => {
        const gc = s.gc!;
        const f64 = s.mem.f64;
        const live = (): number[] => Array.from({ length: s.numStacks() }, (_, k) => s.stackAt(k)).filter((g) => g !== 0 && g !== s.curg);
        gc.events = {
          gcStart: () => {
            for (const g of live()) if (f64[(g + G_ASSIST) >>> 3] !== 0 && credit(s, g) !== 0) banked++;
          },
          stwStart: () => {},
          stwDone: (kind) => {
            if (kind !== 0) return;
            cycles++;
            for (const g of live()) if (credit(s, g) !== 0) stale++;
          },
          gcMarkDone: () => {},
          gcDone: () => {},
          sweepDone: () => {},
        };
      },
    });
    expect(r.err).toBe("");
    expect(r.result(0)).toBe(BigInt(4 * ((N * (N - 1)) / 2)));
    expect(cycles).toBeGreaterThan(3);
    expect(banked).toBeGreaterThan(0); // goroutines did carry credit into the next cycle's start
    expect(stale).toBe(0);
  });
});
