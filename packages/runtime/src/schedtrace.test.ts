import { describe, expect, it } from "vitest";
import { assemble } from "./vm/asm.js";
import { validateImage } from "./image/serialize.js";
import { runGo, type RunGoOptions } from "./proc.js";
import { VirtualClock } from "./time.js";
import { CHAN_HEADER } from "./sched-programs.js";
import { parseSchedDebug } from "./schedtrace.js";

function go(src: string, opts: RunGoOptions = {}) {
  const img = assemble(src);
  validateImage(img, "test");
  let err = "";
  const r = runGo(img, { write: (s) => (err += s), clock: new VirtualClock(), seed: 1, ...opts });
  return { ...r, err };
}

// main starts a goroutine blocked on a channel receive, sleeps 250 ms (virtual), then either
// returns or (DEADLOCK) blocks on the channel itself.
const PROG = (tail: string) => `${CHAN_HEADER}
.native time.Sleep
.native runtime.block
.native runtime.LockOSThread
.native runtime.GOMAXPROCS
.type clo1 size=16 ptrs=1 kind=19 str=func()
func main.waiter params=0 results=0 frame=5 ptrs=0,1,2 closure
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  CALLN runtime.chanrecv1, s1, s4
  RET
end
func main.main params=0 results=1 frame=12 ptrs=3,4,6
  LDI s9, 3
  CALLN runtime.GOMAXPROCS, s9, s10
  TYPEADDR s9, %chint
  LDI s10, 0
  CALLN runtime.makechan, s9, s3
  NEW s6, %clo1
  LDI s7, @main.waiter
  ST64 s6, 0, s7
  STP s6, 8, s3
  CALLN runtime.newproc, s6, s7
  CALLN runtime.LockOSThread, s7, s7
  LDI s8, 250000000
  CALLN time.Sleep, s8, s7
  ${tail}
  RET
end
.entry main.main
`;

/** Go 1.19's summary-line layout (reference/schedtrace.md), checked field by field. */
const SUMMARY = /^SCHED (\d+)ms: gomaxprocs=(\d+) idleprocs=(\d+) threads=(\d+) spinningthreads=(\d+) idlethreads=(\d+) runqueue=(\d+) \[(\d+(?: \d+)*)\]$/;

describe("GODEBUG=schedtrace / scheddetail", () => {
  it("parses GODEBUG by Go's rules (unknown keys and bad values ignored, last wins)", () => {
    expect(parseSchedDebug("gctrace=1,schedtrace=100,scheddetail=x,scheddetail=1,schedtrace=200")).toEqual({ schedtrace: 200, scheddetail: 1 });
    expect(parseSchedDebug("schedtrace")).toEqual({ schedtrace: 0, scheddetail: 0 });
    expect(parseSchedDebug(undefined)).toEqual({ schedtrace: 0, scheddetail: 0 });
  });

  it("periodic summary lines on the wall clock, also while every P is idle; SCHED 0ms first", () => {
    const r = go(PROG(""), { GODEBUG: "schedtrace=100" });
    expect(r.exitCode).toBe(0);
    const lines = r.err.trimEnd().split("\n");
    expect(lines.length).toBe(3);
    const ms = lines.map((l) => {
      const m = SUMMARY.exec(l);
      expect(m, l).not.toBeNull();
      return Number(m![1]);
    });
    expect(ms).toEqual([0, 100, 200]);
    // first report before main runs: 1 P, nothing queued but main's runnext (not counted)
    expect(lines[0]).toBe("SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 [0]");
    // while main sleeps, GOMAXPROCS(3) is in effect and every P is idle
    expect(lines[1]).toBe("SCHED 100ms: gomaxprocs=3 idleprocs=3 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 [0 0 0]");
  });

  it("scheddetail=1: P, M and G lines; a deadlock prints one more detailed report after its fatal line", () => {
    const r = go(PROG("CALLN runtime.block, s7, s7"), { GODEBUG: "schedtrace=200,scheddetail=1" });
    expect(r.exitCode).toBe(2);
    const reports = r.err.split(/(?=^SCHED )/m);
    expect(reports[0]).toBe(
      "SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n" +
        "  P0: status=1 schedtick=0 syscalltick=0 m=0 runqsize=0 gfreecnt=0 timerslen=0\n" +
        "  M0: p=0 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=-1\n" +
        "  G1: status=1() m=-1 lockedm=-1\n",
    );
    expect(reports[1]).toBe(
      "SCHED 200ms: gomaxprocs=3 idleprocs=3 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n" +
        "  P0: status=0 schedtick=3 syscalltick=0 m=-1 runqsize=0 gfreecnt=0 timerslen=1\n" +
        "  P1: status=0 schedtick=0 syscalltick=0 m=-1 runqsize=0 gfreecnt=0 timerslen=0\n" +
        "  P2: status=0 schedtick=0 syscalltick=0 m=-1 runqsize=0 gfreecnt=0 timerslen=0\n" +
        "  M0: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=1\n" +
        "  G1: status=4(sleep) m=-1 lockedm=0\n" +
        "  G5: status=4(chan receive) m=-1 lockedm=-1\n" +
        "fatal error: all goroutines are asleep - deadlock!\n",
    );
    expect(reports[2]).toMatch(/^SCHED 250ms: gomaxprocs=3 idleprocs=3 .*\n {2}P0: status=0 .*\n(?: {2}P\d.*\n){2} {2}M0: p=-1 curg=-1 mallocing=1 throwing=1 preemptoff= locks=2 dying=1 spinning=false blocked=false lockedg=1\n {2}G1: status=4\(select \(no cases\)\) m=-1 lockedm=0\n {2}G5: status=4\(chan receive\) m=-1 lockedm=-1\n\ngoroutine 1 \[select \(no cases\)\]:/);
  });

  it("off by default: no report, no reporter", () => {
    const r = go(PROG(""));
    expect(r.err).toBe("");
    expect(r.sched.trace).toBeNull();
  });
});

describe("sync.throw / sync.fatal (Sched.throwFromGo)", () => {
  const SRC = `${CHAN_HEADER}
.native sync.fatal
.type clo1 size=16 ptrs=1 kind=19 str=func()
.string msg "sync: unlock of unlocked mutex"
.file /tmp/sf/m.go
func main.waiter params=0 results=0 frame=5 ptrs=0,1,2 closure line=10
  .line 11
  GETCTX s0
  LD64 s1, s0, 8
  FADDR s2, 3
  CALLN runtime.chanrecv1, s1, s4
  RET
end
func main.main params=0 results=0 frame=12 ptrs=3,4,6 line=3
  .line 4
  TYPEADDR s9, %chint
  LDI s10, 0
  CALLN runtime.makechan, s9, s3
  .line 5
  NEW s6, %clo1
  LDI s7, @main.waiter
  ST64 s6, 0, s7
  STP s6, 8, s3
  CALLN runtime.newproc, s6, s7
  .line 6
  CALLN runtime.chanrecv1, s3, s7
  RET
end
func main.unlock params=0 results=0 frame=4 line=20
  .line 21
  SADDR s0, &msg
  LD64 s1, s0, 0
  LD64 s2, s0, 8
  CALLN sync.fatal, s1, s3
  RET
end
.entry main.main
`;

  it("prints Go's fatal error, then every goroutine's traceback (the throwing one first); exit 2", () => {
    // main parks on a receive; the waiter's receive is the fatal call site instead.
    const src = SRC.replace("  CALLN runtime.chanrecv1, s1, s4\n  RET\nend\nfunc main.main", "  CALL main.unlock, s4, s4\n  RET\nend\nfunc main.main");
    const r = go(src);
    expect(r.exitCode).toBe(2);
    expect(r.err.replace(/ \+0x[0-9a-f]+$/gm, "")).toBe(
      "fatal error: sync: unlock of unlocked mutex\n\n" +
        "goroutine 5 [running]:\nmain.unlock()\n\t/tmp/sf/m.go:21\nmain.waiter()\n\t/tmp/sf/m.go:11\ncreated by main.main\n\t/tmp/sf/m.go:5\n\n" +
        "goroutine 1 [chan receive]:\nmain.main()\n\t/tmp/sf/m.go:6\n",
    );
  });

  it("with scheddetail=1 the detailed report follows the fatal line (Go's startpanic_m)", () => {
    const src = SRC.replace("  CALLN runtime.chanrecv1, s1, s4\n  RET\nend\nfunc main.main", "  CALL main.unlock, s4, s4\n  RET\nend\nfunc main.main");
    const r = go(src, { GODEBUG: "scheddetail=1" });
    const lines = r.err.split("\n");
    expect(lines[0]).toBe("fatal error: sync: unlock of unlocked mutex");
    expect(lines[1]).toMatch(/^SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=1 .* sysmonwait=0$/);
    expect(lines).toContain("  M0: p=0 curg=5 mallocing=1 throwing=1 preemptoff= locks=2 dying=1 spinning=false blocked=false lockedg=-1");
    expect(lines).toContain("  G5: status=2() m=0 lockedm=-1");
    expect(r.err).toContain("\ngoroutine 5 [running]:\n");
  });
});
