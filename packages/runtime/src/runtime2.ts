/**
 * runtime2.ts — record layouts of the scheduler and channel runtime (Go's runtime2.go): the
 * scheduler's part of the G record, P, sudog, hchan, and the wait reasons. Every record lives in
 * linear memory; these are byte offsets. proc.ts, chan.ts, select.ts, sema.ts and time.ts read
 * them; nothing else should.
 *
 * G record (vm/g.ts owns +0…+71; the scheduler appends from G_RESERVED = 72, G_BYTES = 128):
 *
 *   +72  schedlink  u32  next G in a run queue / free list; written by the queue holding the G
 *   +76  parkstate  u32  restartable-native protocol: 0 = the native call is fresh; nonzero =
 *                        the G parked inside that native and is re-executing it (the value is
 *                        the native's token: the sudog, or 1). Written by parking natives only.
 *   +80  waiting    u32  sudogs this G is queued with (linked by SG_WAITLINK; select: one per case)
 *   +84  param      u32  written by the waker: the sudog that completed (0 = woken by close)
 *   +88  selectdone u32  select: 1 once one case won (the other sudogs must not fire)
 *   +92  gopcfn     u32  function id of the `go` statement's frame (0xffffffff = none)
 *   +96  when       f64  sleep deadline, ns on the scheduler clock (valid while asleep)
 *   +104 assist     f64  GC assist credit banked while the G is not running, with its cycle (gc.switchAssistCredit)
 *   +112 gopc       u32  pc after the `go` statement's call (for "created by … +0x…")
 *   +116 allgidx    u32  index in Sched.allgs
 *   +120 sleepseq   u32  generation of the G's timer (stale heap entries are skipped)
 *   +124 locked     u32  LockOSThread nesting count (Go's m.lockedExt; nonzero = wired to its M);
 *                        written by runtime.LockOSThread/UnlockOSThread, cleared when the G exits
 *
 * P record (P_BYTES): a 256-entry ring and runnext, as Go's p.runq/runqhead/runqtail/runnext.
 *
 *   +0 id u32  +4 status u32  +8 runqhead u32  +12 runqtail u32  +16 runnext u32
 *   +20 schedtick u32  +24 gfree u32 (dead Gs, linked by schedlink)  +28 gfreecnt u32
 *   +32 runq[256] u32
 *
 * Global scheduler record (SCHED_BYTES):
 *   +0 runqhead u32  +4 runqtail u32  +8 runqsize u32  (global run queue, linked by schedlink)
 *   +16 allgs u32  +20 allglen u32  +24 allgcap u32  (every G record: allgs.ts)
 *   +28 ngoroutines u32 (live Gs, system ones included)  +32 nsystem u32  +36 nextgoid u32
 *   +40 nextsysgoid u32  +44 maing u32 (goroutine 1's record)  +48 exitcode i32 (−1 = none)
 *   +52 maingoexit u32 (1: main called Goexit)   — Sched's accessors; written by the M
 *   +64 allp u32  +68 gomaxprocs u32  +72 allpcap u32  (the current Ps: allgs.ts RecordList)
 *
 * sudog (SG_BYTES, from a free-listed pool in persistent memory; each sudog's `c` word is a
 * registered GC root — a parked G keeps its channel alive — while `elem` is not: the value it
 * points at is referenced by the parked frame too):
 *
 *   +0 g  +4 next  +8 prev  +12 elem (value address; may be in g's stack — adjusted when it moves)
 *   +16 c (hchan, or the semaphore address)  +20 isSelect  +24 success  +28 waitlink
 *   +32 ticket (notifyList) / caseIndex (select)  +36 autoResume (1 = on success the waker moves
 *   the parked G past its native call and frees the sudog: no re-execution; chansend1/chanrecv1/
 *   chanrecv2)  +40 res (auto-resume of chanrecv2: address of the parked frame's `ok` result
 *   slot, written 1 by the waker; in g's stack, adjusted with elem when it moves; 0 = none)
 *
 * hchan (HCHAN_BYTES, a heap object; its descriptor marks only `buf` as a pointer):
 *
 *   +0 qcount u32   +4 dataqsiz u32   +8 buf (pointer word, 8 bytes)   +16 elemsize u32
 *   +20 closed u32  +24 elemtype u32 (descriptor, static)   +28 sendx u32   +32 recvx u32
 *   +36 recvq.first +40 recvq.last +44 sendq.first +48 sendq.last   (sudog queues)
 */

export const G_SCHEDLINK = 72;
export const G_PARKSTATE = 76;
export const G_WAITING = 80;
export const G_PARAM = 84;
export const G_SELECTDONE = 88;
export const G_GOPCFN = 92;
export const G_WHEN = 96;
export const G_ASSIST = 104;
export const G_GOPC = 112;
export const G_ALLGIDX = 116;
export const G_SLEEPSEQ = 120;
export const G_LOCKED = 124;

export const P_ID = 0;
export const P_STATUS = 4;
export const P_RUNQHEAD = 8;
export const P_RUNQTAIL = 12;
export const P_RUNNEXT = 16;
export const P_SCHEDTICK = 20;
export const P_GFREE = 24;
export const P_GFREECNT = 28;
export const P_RUNQ = 32;
/** Local run queue capacity (Go: 256): a power of two, indexes wrap with `& (RUNQ_SIZE-1)`. */
export const RUNQ_SIZE = 256;
/** The P's timer heap (time.ts TimerHeap, Go 1.14+'s per-P timers): base, cap, len words. */
export const P_TIMERS = P_RUNQ + RUNQ_SIZE * 4;
export const P_BYTES = P_TIMERS + 16;

export const PIDLE = 0;
export const PRUNNING = 1;
/** A P removed by procresize (Go's _Pdead); its record waits in Sched's pool for reuse. */
export const PDEAD = 4;

export const SCHED_RUNQHEAD = 0;
export const SCHED_RUNQTAIL = 4;
export const SCHED_RUNQSIZE = 8;
export const SCHED_NGOROUTINES = 28;
export const SCHED_NSYSTEM = 32;
export const SCHED_NEXTGOID = 36;
export const SCHED_NEXTSYSGOID = 40;
export const SCHED_MAING = 44;
export const SCHED_EXITCODE = 48;
export const SCHED_MAINGOEXIT = 52;
export const SCHED_BYTES = 96;

export const SG_G = 0;
export const SG_NEXT = 4;
export const SG_PREV = 8;
export const SG_ELEM = 12;
export const SG_C = 16;
export const SG_ISSELECT = 20;
export const SG_SUCCESS = 24;
export const SG_WAITLINK = 28;
export const SG_TICKET = 32;
export const SG_AUTORESUME = 36;
export const SG_RES = 40;
export const SG_BYTES = 48;

export const HC_QCOUNT = 0;
export const HC_DATAQSIZ = 4;
export const HC_BUF = 8;
export const HC_ELEMSIZE = 16;
export const HC_CLOSED = 20;
export const HC_ELEMTYPE = 24;
export const HC_SENDX = 28;
export const HC_RECVX = 32;
export const HC_RECVQ = 36; // first; last at +4
export const HC_SENDQ = 44;
export const HCHAN_BYTES = 56;

/** Go's waitReason enum (runtime2.go order, Go 1.19); strings in WAIT_REASON_STRINGS. */
export const enum WaitReason {
  Zero = 0,
  GCAssistMarking = 1,
  IOWait = 2,
  ChanReceiveNilChan = 3,
  ChanSendNilChan = 4,
  DumpingHeap = 5,
  GarbageCollection = 6,
  GarbageCollectionScan = 7,
  Panicwait = 8,
  Select = 9,
  SelectNoCases = 10,
  GCAssistWait = 11,
  GCSweepWait = 12,
  GCScavengeWait = 13,
  ChanReceive = 14,
  ChanSend = 15,
  FinalizerWait = 16,
  ForceGCIdle = 17,
  Semacquire = 18,
  Sleep = 19,
  SyncCondWait = 20,
  TimerGoroutineIdle = 21,
  TraceReaderBlocked = 22,
  WaitForGCCycle = 23,
  GCWorkerIdle = 24,
  Preempted = 25,
  DebugCall = 26,
}

export const WAIT_REASON_STRINGS: readonly string[] = [
  "",
  "GC assist marking",
  "IO wait",
  "chan receive (nil chan)",
  "chan send (nil chan)",
  "dumping heap",
  "garbage collection",
  "garbage collection scan",
  "panicwait",
  "select",
  "select (no cases)",
  "GC assist wait",
  "GC sweep wait",
  "GC scavenge wait",
  "chan receive",
  "chan send",
  "finalizer wait",
  "force gc (idle)",
  "semacquire",
  "sleep",
  "sync.Cond.Wait",
  "timer goroutine (idle)",
  "trace reader (blocked)",
  "wait for GC cycle",
  "GC worker (idle)",
  "preempted",
  "debug call",
];
