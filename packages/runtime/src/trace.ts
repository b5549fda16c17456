/**
 * trace.ts — the execution tracer (Go's runtime/trace.go, written afresh): the scheduler's and
 * the collector's event hooks feed per-P buffers in Go 1.19's trace format (tracebuf.ts), which
 * `go tool trace` and `gort trace` read. Design and status: TRACE.md.
 *
 * SWITCH. `Sched.tracer` is null when tracing is off: every hook in proc.ts is one
 * `if (tr !== null)` on a field already in a register, nothing else. `startTrace` installs a
 * Tracer; `Tracer.stop` removes it and writes the footer. The collector's hooks go through
 * `Collector.events` (already null-checked at phase transitions only).
 *
 * MODEL. The tracer keeps the parser's view of each P: `curG`, the G the trace shows running
 * on the P (0 = none). Every event that ends a G's run (block, sched, preempt, end, sysblock)
 * clears it; `goStart` emits GoPreempt for a G that is still shown running when another one
 * starts (a yield with nothing else runnable emits nothing and the G keeps running). Per-G
 * sequence numbers (Go's g.traceseq) live in `seq`, indexed by the G record's allgs index,
 * reset by GoCreate, bumped before each GoStart / GoUnblock / GoWaiting / GoSysExit: the values
 * the 1.19 parser's ordering rules require (reference §5). The tracer only emits the non-local
 * forms (GoStart/GoUnblock with seq); they are valid wherever the Local forms are.
 *
 * SYSTEM GOROUTINES. gort runs timer functions and finalizers on system goroutines (goid ≥
 * SYSTEM_GOID_BASE); Go runs timer functions inline in the scheduler. The tracer makes them
 * invisible: no events of their own, and what they do (unblock a G, create one) is attributed
 * to "no G", as Go's trace attributes timer wakeups (a GoUnblock on a P with no current G).
 *
 * TIMESTAMPS are nanoseconds from `now()` (performance.now by default), made strictly
 * increasing per buffer; the Frequency record says 1e9 ticks per second. A G that blocks and
 * the G the in-loop switch starts next share the clock read (`goStartAfterPark`).
 *
 * STACKS are captured as (function id, pc) pairs walked from the G record's frame chain in
 * linear memory, hashed and interned in a JS table on the hot path; names, files and lines are
 * resolved only when the table is dumped at stop. String and stack ids are per tracer.
 *
 * WORKER THREADS (MTHREADS.md): every hook still runs on one thread — the runtime server runs
 * all runtime code for the worker Ms — so the tables and `seq` need no lock. What is per P is
 * the buffer, the G shown running and whether the P is shown started: the server names the P
 * it acts for with `setP` (mtrace.ts), which swaps those three; with one thread setP is never
 * called and P 0's state is the only one. If hooks ever run on several threads, each P gets its
 * own stack/string tables with ids striped by P (duplicate stacks under two ids are legal),
 * `seq` moves into the G record, and buffers reach the reader through a shared queue.
 *
 * Rejected: emitting at every runtime event through a generic callback list (a closure call
 * and argument boxing per event when on, and an indirect check when off); resolving file:line
 * per event (a binary search per frame on the hot path, instead of once per distinct stack).
 */

import type { Sched } from "./proc.js";
import type { GCEventSink } from "./mgc.js";
import { FR_FUNC, FR_LINK, FR_PC, STK_FP } from "./stack.js";
import { G_GOID, G_PC, G_STATUS, GDEAD, GRUNNING, GWAITING } from "./vm/g.js";
import { G_ALLGIDX, P_ID, WaitReason } from "./runtime2.js";
import { ST_HEAP_LIVE, ST_NEXT_GC } from "./mstats.js";
import { FN_RUNTIME } from "./image/format.js";
import { BUF_BYTES, Ev, MAX_EVENT_BYTES, TRACE_HEADER, TraceBuf, frequencyRecord, utf8Bytes, type TraceSink } from "./tracebuf.js";

/** Goids at or above this are gort's system goroutines (proc.ts SYSTEM_GOID_BASE). */
const SYSTEM_GOID_BASE = 0x4000_0000;
/** Frames captured per stack (Go: 128). Deeper stacks keep their innermost frames. */
const MAX_FRAMES = 64;
/** Entries of the direct-mapped stack cache (a power of two): hot stacks skip the Map. */
const STACK_CACHE = 1024;
/** Longest user string (task/region names, log keys and values), bytes. */
const MAX_USER_STRING = 16 << 10;
/**
 * A host call that takes longer than this is shown as having lost its P (GoSysBlock …
 * GoSysExit), as Go's sysmon retakes a P from a syscall after 20 µs.
 */
const SYSCALL_RETAKE_NS = 20_000;
/**
 * The background mark worker shown in the trace (gort marks inside the scheduler, Go on
 * gcBgMarkWorker goroutines): a pseudo-G with this goid (below the system range, far above
 * any user goid) and the sentinel record address WORKER_G in `curG` while it runs.
 */
const WORKER_GOID = 0x3fff_fff0;
const WORKER_G = 1;
/** Function id standing for runtime.gcBgMarkWorker in the stack table. */
const FN_GC_WORKER = -2;

/** Trace event of a goroutine parking with wait reason `r` (Go's gopark traceEv argument). */
function blockEvent(r: number): number {
  switch (r) {
    case WaitReason.ChanSend:
      return Ev.GoBlockSend;
    case WaitReason.ChanReceive:
      return Ev.GoBlockRecv;
    case WaitReason.Select:
      return Ev.GoBlockSelect;
    case WaitReason.Semacquire:
      return Ev.GoBlockSync;
    case WaitReason.SyncCondWait:
      return Ev.GoBlockCond;
    case WaitReason.IOWait:
      return Ev.GoBlockNet;
    case WaitReason.Sleep:
      return Ev.GoSleep;
    case WaitReason.GCAssistWait:
      return Ev.GoBlockGC;
    case WaitReason.SelectNoCases:
    case WaitReason.ChanSendNilChan:
    case WaitReason.ChanReceiveNilChan:
    case WaitReason.Panicwait:
      return Ev.GoStop;
    default:
      return Ev.GoBlock;
  }
}

/** Options of `startTrace`. */
export interface TraceOptions {
  /** Monotonic nanoseconds (default: performance.now() × 1e6). */
  now?: () => number;
  /** The sink writes each chunk out before returning (a file): buffers are reused, not reallocated. */
  syncSink?: boolean;
}

/** Counters of one trace (tests, `gort run --trace` summary). */
export interface TraceStats {
  events: number;
  bytes: number;
  stacks: number;
  strings: number;
}

/** The execution tracer of one scheduler. Construct with `startTrace`. */
export class Tracer implements GCEventSink {
  readonly sched: Sched;
  /** Custom clock (tests), or null for performance.now() called directly (no indirection). */
  private readonly clock: (() => number) | null;
  private readonly sink: TraceSink;
  /** The running P's buffer (one host thread runs P 0; under the runtime server, P `curP`'s). */
  private buf: TraceBuf;
  /** P id whose state `buf`, `curG` and `pRun` hold (the runtime server switches them: setP). */
  private curP: number;
  /** P `curP` is shown running (ProcStart emitted, no ProcStop since). */
  private pRun: boolean;
  /** The other Ps' state, by P id, while Ps run on worker-thread Ms (setP); empty with one thread. */
  private readonly saved: ({ buf: TraceBuf; curG: number; run: boolean } | undefined)[] = [];
  /** Buffers may reuse their array after the sink returns (a file sink). */
  private readonly reuseBufs: boolean;
  /** Last timestamp handed out (ns); the next is at least one more. */
  private ts: number;
  /** The G (record address) the trace shows running on the P; 0 = none. */
  curG: number;
  /** Per-G trace sequence number, by G_ALLGIDX. */
  private seq: Uint32Array;
  /** GCStart's global sequence number. */
  private gcSeq: number;
  /** A GCStart / STW start was emitted and its end is still due (cycles begun before Start are skipped). */
  private gcOpen: boolean;
  private stwOpen: boolean;
  /** The pseudo worker G: created in the trace yet, and its sequence number. */
  private workerMade: boolean;
  private workerSeq: number;
  /** Sweep in progress (sweepStart seen): its start time (ns) and the sweeper's counters then. */
  private sweepTs: number;
  /** Stack table: hash → id (collisions probe hash+1), id → frames (fn, pc pairs). */
  private readonly stackIds = new Map<number, number>();
  private readonly stackFrames: Int32Array[] = [];
  private readonly frames = new Int32Array(MAX_FRAMES * 2);
  private readonly cacheHash = new Int32Array(STACK_CACHE);
  private readonly cacheId = new Int32Array(STACK_CACHE);
  /** String table (user strings, labels): text → id. Names and files are added at dump time. */
  private readonly strings = new Map<string, number>();
  /** Functions whose frames are dropped from user-annotation stacks (package runtime/trace). */
  private readonly skipFn: Uint8Array;
  /** Function of the main goroutine's outermost frame when it is a runtime wrapper (dropped, as Go drops runtime.main). */
  private readonly entryFn: number;
  /** The previous GC event sink (restored at stop; events are forwarded to it). */
  private readonly prevEvents: GCEventSink | null;
  /** Natives replaced by syscall wrappers while tracing: index → original. */
  private readonly wrapped = new Map<number, (typeof this.sched.vm.natives)[number]>();
  /** Reader goroutine parked in ReadTrace (runtime/trace), 0 = none. */
  readerG: number;
  /** Full chunks not yet read (runtime/trace's reader), oldest first, and the read offset in the first. */
  readonly queue: Uint8Array[] = [];
  queueOff: number;
  /** Set by stop(): the footer is queued; ReadTrace returns 0 once the queue is drained. */
  stopped: boolean;
  /** Output is queued for runtime/trace's reader (no sink given), not written by the host. */
  readonly queued: boolean;
  readonly stats: TraceStats = { events: 0, bytes: 0, stacks: 0, strings: 0 };

  constructor(sched: Sched, sink: TraceSink | null, opts: TraceOptions = {}) {
    this.sched = sched;
    this.queued = sink === null;
    this.clock = opts.now ?? null;
    this.sink =
      sink === null
        ? (c) => {
            this.stats.bytes += c.length;
            this.queue.push(c);
          }
        : (c) => {
            this.stats.bytes += c.length;
            sink(c);
          };
    this.ts = 0;
    this.ts = this.tick();
    this.curG = 0;
    this.seq = new Uint32Array(Math.max(64, sched.allgs.length * 2));
    this.gcSeq = 0;
    this.gcOpen = false;
    this.stwOpen = false;
    this.sweepTs = -1;
    this.workerMade = false;
    this.workerSeq = 0;
    this.readerG = 0;
    this.queueOff = 0;
    this.stopped = false;
    const img = sched.image.img;
    this.skipFn = new Uint8Array(img.funcs.length);
    for (let i = 0; i < img.funcs.length; i++) if (img.funcs[i].name.startsWith("runtime/trace.")) this.skipFn[i] = 1;
    const entry = img.funcs[img.entry];
    this.entryFn = entry !== undefined && entry.name !== "main.main" && (entry.flags & FN_RUNTIME) !== 0 ? img.entry : -1;
    this.prevEvents = sched.gc !== null ? sched.gc.events : null;
    this.sink(TRACE_HEADER);
    this.reuseBufs = sink !== null && opts.syncSink === true;
    this.curP = this.pid();
    this.pRun = false;
    this.buf = new TraceBuf(this.curP, this.sink, this.ts, this.reuseBufs);
    // The GoStartLabel labels (Go registers them first, ids 1–4).
    for (const s of ["Not worker", "GC (dedicated)", "GC (fractional)", "GC (idle)"]) this.stringId(s);
  }

  // ── time, buffers, tables ──

  /** Next timestamp: the clock, but strictly after the previous event. */
  private tick(): number {
    const t = this.clock === null ? Math.floor(performance.now() * 1e6) : Math.floor(this.clock());
    this.ts = t > this.ts ? t : this.ts + 1;
    return this.ts;
  }

  /** P id of the running P. */
  private pid(): number {
    return this.sched.mem.u32[(this.sched.p + P_ID) >>> 2];
  }

  /**
   * The runtime server (mtrace.ts): events from now on happen on P `id` (the P of the worker M
   * whose request it serves, or whose work it looks for). Each P keeps its own buffer (its
   * batches carry its id) and its own G shown running — the parser's per-P view. Never called
   * with one thread.
   */
  setP(id: number): void {
    if (id === this.curP) return;
    const old = this.saved[this.curP];
    if (old === undefined) this.saved[this.curP] = { buf: this.buf, curG: this.curG, run: this.pRun };
    else {
      old.buf = this.buf;
      old.curG = this.curG;
      old.run = this.pRun;
    }
    const st = this.saved[id];
    this.curP = id;
    if (st === undefined) {
      this.buf = new TraceBuf(id, this.sink, this.ts, this.reuseBufs);
      this.curG = 0;
      this.pRun = false;
    } else {
      this.buf = st.buf;
      this.curG = st.curG;
      this.pRun = st.run;
    }
  }

  /** P `curP` is shown running (tests, mtrace.ts). */
  get procRunning(): boolean {
    return this.pRun;
  }

  /** The buffer, with room for one event. */
  private room(): TraceBuf {
    const b = this.buf;
    b.room(MAX_EVENT_BYTES);
    this.stats.events++;
    return b;
  }

  /** Id of string s, emitting its String record on first use. */
  stringId(s: string): number {
    let id = this.strings.get(s);
    if (id !== undefined) return id;
    id = this.strings.size + 1;
    this.strings.set(s, id);
    this.buf.string(id, utf8Bytes(s, MAX_USER_STRING));
    this.stats.strings++;
    return id;
  }

  private goid(g: number): number {
    return this.sched.mem.u32[(g + G_GOID) >>> 2];
  }

  /** True for the goroutines a trace shows (not gort's system goroutines). */
  private traced(g: number): boolean {
    return this.sched.mem.u32[(g + G_GOID) >>> 2] < SYSTEM_GOID_BASE;
  }

  /** Next sequence number of g (Go's ++g.traceseq). */
  private nextSeq(g: number): number {
    const i = this.sched.mem.u32[(g + G_ALLGIDX) >>> 2];
    let s = this.seq;
    if (i >= s.length) {
      const n = new Uint32Array(Math.max(i + 1, s.length * 2));
      n.set(s);
      this.seq = s = n;
    }
    return ++s[i];
  }

  private resetSeq(g: number): void {
    const i = this.sched.mem.u32[(g + G_ALLGIDX) >>> 2];
    if (i < this.seq.length) this.seq[i] = 0;
  }

  /**
   * Stack id of g's current frames (0 for no frames). `topFromG`: the G stopped at a safe point
   * rather than in a call, so its innermost pc is G_PC, not the frame's saved return pc.
   * `skipTrace`: drop innermost frames of package runtime/trace (user annotations).
   */
  private stackOf(g: number, topFromG: boolean, skipTrace: boolean): number {
    const u32 = this.sched.mem.u32;
    const fr = this.frames;
    let f = u32[(g + STK_FP) >>> 2];
    let n = 0;
    let h = 0x811c9dc5;
    let first = true;
    while (f !== 0 && n < MAX_FRAMES) {
      const fn = u32[(f + FR_FUNC) >>> 2];
      const link = u32[(f + FR_LINK) >>> 2];
      if (skipTrace && n === 0 && this.skipFn[fn] === 1) {
        f = link;
        first = false;
        continue;
      }
      if (link === 0 && fn === this.entryFn) break;
      const pc = first && topFromG ? u32[(g + G_PC) >>> 2] + 1 : u32[(f + FR_PC) >>> 2];
      first = false;
      fr[2 * n] = fn;
      fr[2 * n + 1] = pc;
      h = Math.imul(h ^ fn, 0x01000193);
      h = Math.imul(h ^ pc, 0x01000193);
      n++;
      f = link;
    }
    if (n === 0) return 0;
    return this.internStack(h, fr, n * 2);
  }

  /** Id of the stack in fr[0, len) (fn, pc pairs), interned. */
  private internStack(h: number, fr: Int32Array, len: number): number {
    // Direct-mapped cache in front of the Map: a hit is verified frame by frame like a Map hit.
    const slot = h & (STACK_CACHE - 1);
    const cid = this.cacheId[slot];
    if (cid !== 0 && this.cacheHash[slot] === h) {
      const have = this.stackFrames[cid - 1];
      let same = have.length === len;
      for (let i = 0; same && i < len; i++) same = have[i] === fr[i];
      if (same) return cid;
    }
    const id = this.internStackSlow(h, fr, len);
    this.cacheHash[slot] = h;
    this.cacheId[slot] = id;
    return id;
  }

  private internStackSlow(h: number, fr: Int32Array, len: number): number {
    for (;;) {
      const id = this.stackIds.get(h);
      if (id === undefined) break;
      const have = this.stackFrames[id - 1];
      let same = have.length === len;
      for (let i = 0; same && i < len; i++) same = have[i] === fr[i];
      if (same) return id;
      h = (h + 1) | 0;
    }
    const id = this.stackFrames.length + 1;
    this.stackFrames.push(fr.slice(0, len));
    this.stackIds.set(h, id);
    return id;
  }

  /** The one-frame "start function" stack of a new goroutine (GoCreate's second stack). */
  private startStack(g: number): number {
    const u32 = this.sched.mem.u32;
    let f = u32[(g + STK_FP) >>> 2];
    let fn = -1;
    while (f !== 0) {
      fn = u32[(f + FR_FUNC) >>> 2];
      f = u32[(f + FR_LINK) >>> 2];
    }
    if (fn < 0) return 0;
    const fr = this.frames;
    fr[0] = fn;
    fr[1] = -1; // pc −1: the function's entry and declaration line
    return this.internStack(Math.imul(0x5bd1e995 ^ fn, 0x01000193), fr, 2);
  }

  /** Stack of the G the trace shows running (the creator / unblocker), 0 if none. */
  private curStack(): number {
    const g = this.curG;
    return g === 0 || g === WORKER_G ? 0 : this.stackOf(g, false, false);
  }

  // ── trace start ──

  /** Writes the initial state: every live G, the running P, GOMAXPROCS, heap figures. */
  begin(): void {
    const sched = this.sched;
    const u32 = sched.mem.u32;
    let running = 0;
    for (const g of sched.allgs) {
      const st = u32[(g + G_STATUS) >>> 2];
      if (st === GDEAD || !this.traced(g)) continue;
      this.resetSeq(g);
      const b = this.room();
      b.ev3(Ev.GoCreate, this.tick(), this.goid(g), this.startStack(g), 0);
      if (st === GWAITING) {
        this.nextSeq(g);
        this.room().ev1(Ev.GoWaiting, this.tick(), this.goid(g));
      } else if (st === GRUNNING && g === sched.curg) running = g;
    }
    this.room().ev1(Ev.ProcStart, this.tick(), 0);
    this.pRun = true;
    if (running !== 0) {
      this.room().ev2(Ev.GoStart, this.tick(), this.goid(running), this.nextSeq(running));
      this.curG = running;
    }
    this.room().ev2(Ev.Gomaxprocs, this.tick(), sched.gomaxprocs, 0);
    const f64 = sched.mem.f64;
    if (sched.gc !== null) {
      this.room().ev1(Ev.HeapAlloc, this.tick(), f64[ST_HEAP_LIVE >>> 3]);
      this.room().ev1(Ev.HeapGoal, this.tick(), f64[ST_NEXT_GC >>> 3]);
      this.gcOpen = false; // a cycle already running is not shown (its end would be unmatched)
      sched.gc.events = this.prevEvents === null ? this : teeEvents(this.prevEvents, this);
    }
    this.wrapSyscalls();
  }

  // ── goroutine events (proc.ts hooks) ──

  /** newproc: g was just created by `parent` (0 = the scheduler or a system goroutine). */
  goCreate(g: number): void {
    if (!this.traced(g)) return;
    this.resetSeq(g);
    const stk = this.curStack();
    this.room().ev3(Ev.GoCreate, this.tick(), this.goid(g), this.startStack(g), stk);
  }

  /** g is about to run (Sched.run, or the in-loop switch). */
  goStart(g: number): void {
    const cur = this.curG;
    if (cur === g) return;
    if (cur !== 0) this.endCur(cur);
    if (!this.traced(g)) return;
    this.room().ev2(Ev.GoStart, this.tick(), this.goid(g), this.nextSeq(g));
    this.curG = g;
  }

  /** The in-loop switch (parkSwitch) starts g right after the previous G parked: same clock read. */
  goStartAfterPark(g: number): void {
    const cur = this.curG;
    if (cur === g) return;
    if (cur !== 0) this.endCur(cur);
    if (!this.traced(g)) return;
    this.stats.events++;
    const b = this.buf;
    b.room(MAX_EVENT_BYTES);
    b.ev2(Ev.GoStart, ++this.ts, this.goid(g), this.nextSeq(g));
    this.curG = g;
  }

  /** The G shown running (cur ≠ 0) stops being shown: a user G is preempted, the GC worker parks. */
  private endCur(cur: number): void {
    if (cur === WORKER_G) this.markWorkerDone();
    else this.goPreempt(cur);
  }

  /** g parks with wait reason `reason` (Sched.gopark, inside g's native). */
  goPark(g: number, reason: number): void {
    if (g !== this.curG) return; // a system goroutine (never shown running)
    const stk = this.stackOf(g, false, false);
    this.room().ev1(blockEvent(reason), this.tick(), stk);
    this.curG = 0;
  }

  /** g (waiting) is made runnable by the running G, or by the scheduler (timers). */
  goUnblock(g: number): void {
    if (!this.traced(g)) return;
    const stk = this.curStack();
    this.room().ev3(Ev.GoUnblock, this.tick(), this.goid(g), this.nextSeq(g), stk);
  }

  /** runtime.Gosched (and runtime.GC's yield). */
  goSched(g: number): void {
    if (g !== this.curG) return;
    const stk = this.stackOf(g, false, false);
    this.room().ev1(Ev.GoSched, this.tick(), stk);
    this.curG = 0;
  }

  /** g spent its budget and goes behind other runnable Gs (a preemption). */
  goPreempt(g: number): void {
    if (g !== this.curG) return;
    const stk = this.stackOf(g, true, false);
    this.room().ev1(Ev.GoPreempt, this.tick(), stk);
    this.curG = 0;
  }

  /** g exited (or called Goexit). */
  goEnd(g: number): void {
    if (g !== this.curG) return;
    this.room().ev0(Ev.GoEnd, this.tick());
    this.curG = 0;
  }

  /** The P goes idle (the scheduler sleeps until a timer; a worker M idles). */
  procStop(): void {
    if (this.curG !== 0) this.endCur(this.curG);
    if (!this.pRun) return; // (a worker M's P never shown started)
    this.room().ev0(Ev.ProcStop, this.tick());
    this.pRun = false;
  }

  /** GOMAXPROCS was set (runtime.GOMAXPROCS): Go emits the count when the world restarts. */
  gomaxprocs(): void {
    this.room().ev2(Ev.Gomaxprocs, this.tick(), this.sched.gomaxprocs, this.curStack());
  }

  /** The P runs again after idling (under the runtime server: M `m + 1`, its thread, takes it). */
  procStart(m = 0): void {
    if (this.pRun) return;
    this.room().ev1(Ev.ProcStart, this.tick(), m);
    this.pRun = true;
  }

  // ── host calls (syscalls) ──

  /** Replaces the host-call natives (os.sys*, net.sys*, syscall.*) by wrappers emitting syscall events. */
  private wrapSyscalls(): void {
    const vm = this.sched.vm;
    const names = this.sched.image.img.natives;
    for (let i = 0; i < names.length && i < vm.natives.length; i++) {
      const name = names[i];
      // Go's syscalls: file and process calls, and socket reads/writes/accepts (Go's net issues a
      // non-blocking syscall before parking in the netpoller); nanotime is vDSO in Go, not one.
      if (!/^(os\.sys|net\.sys|syscall\.)/.test(name) || name === "net.sysNanotime") continue;
      const orig = vm.natives[i];
      this.wrapped.set(i, orig);
      vm.natives[i] = (v, g, args, res) => {
        if (g !== this.curG) return orig(v, g, args, res);
        const t0 = this.tick();
        this.room().ev1(Ev.GoSysCall, t0, this.stackOf(g, false, false));
        orig(v, g, args, res);
        if (this.sched.tracer !== this || v.mem.u32[(g + G_STATUS) >>> 2] !== GRUNNING) return;
        const t1 = this.clock === null ? performance.now() * 1e6 : this.clock();
        if (t1 - t0 < SYSCALL_RETAKE_NS) return;
        // The call held the thread long enough for Go's sysmon to take the P away.
        this.ts = Math.max(this.ts, t0 + SYSCALL_RETAKE_NS - 1);
        this.room().ev0(Ev.GoSysBlock, this.tick());
        this.curG = 0;
        this.room().ev0(Ev.ProcStop, this.tick());
        this.room().ev1(Ev.ProcStart, this.tick(), 0);
        this.room().ev3(Ev.GoSysExit, this.tick(), this.goid(g), this.nextSeq(g), 0);
        this.room().ev2(Ev.GoStart, this.tick(), this.goid(g), this.nextSeq(g));
        this.curG = g;
      };
    }
  }

  private unwrapSyscalls(): void {
    const natives = this.sched.vm.natives;
    for (const [i, f] of this.wrapped) natives[i] = f;
    this.wrapped.clear();
  }

  // ── collector events (GCEventSink) ──

  gcStart(_cycle: number, _forced: boolean): void {
    this.room().ev2(Ev.GCStart, this.tick(), this.gcSeq++, this.curStack());
    this.gcOpen = true;
  }

  stwStart(kind: number): void {
    // gort's kinds: 0 sweep termination, 1 mark termination; the trace's: 0 mark, 1 sweep.
    this.room().ev1(Ev.GCSTWStart, this.tick(), kind === 0 ? 1 : 0);
    this.stwOpen = true;
  }

  stwDone(kind: number): void {
    if (!this.stwOpen) return;
    // Go ends the cycle inside the mark-termination pause.
    if (kind === 1 && this.gcOpen) {
      this.room().ev0(Ev.GCDone, this.tick());
      this.gcOpen = false;
    }
    this.room().ev0(Ev.GCSTWDone, this.tick());
    this.stwOpen = false;
  }

  gcMarkDone(_cycle: number): void {}

  gcDone(_cycle: number, heapLive: number, nextGC: number): void {
    this.room().ev1(Ev.HeapAlloc, this.tick(), heapLive);
    this.room().ev1(Ev.HeapGoal, this.tick(), nextGC);
  }

  sweepDone(_cycle: number): void {
    const f64 = this.sched.mem.f64;
    this.room().ev1(Ev.HeapGoal, this.tick(), f64[ST_NEXT_GC >>> 3]);
  }

  /** The live heap changed (a span refill or a large allocation: Go's traceHeapAlloc). */
  heapAlloc(bytes: number): void {
    this.room().ev1(Ev.HeapAlloc, this.tick(), bytes);
  }

  /** A mark assist begins in the running goroutine's allocation. */
  markAssistStart(): void {
    this.room().ev1(Ev.GCMarkAssistStart, this.tick(), this.curStack());
  }

  markAssistDone(): void {
    this.room().ev0(Ev.GCMarkAssistDone, this.tick());
  }

  /**
   * A background mark slice: the worker takes the P (a user G still shown running is preempted,
   * as Go's scheduler does for a GC worker), starts with its label, and parks at the end.
   */
  markWorkerStart(idle: boolean): void {
    const cur = this.curG;
    if (cur === WORKER_G) return;
    if (cur !== 0) this.endCur(cur);
    if (!this.workerMade) {
      this.workerMade = true;
      this.workerSeq = 0;
      const fr = new Int32Array([FN_GC_WORKER, -1]);
      const stk = this.internStack(0x6c078965, fr, 2);
      this.room().ev3(Ev.GoCreate, this.tick(), WORKER_GOID, stk, 0);
    } else this.room().ev3(Ev.GoUnblock, this.tick(), WORKER_GOID, ++this.workerSeq, 0);
    // Labels 3 and 4 are "GC (fractional)" and "GC (idle)" (registered first in the constructor).
    this.room().ev3(Ev.GoStartLabel, this.tick(), WORKER_GOID, ++this.workerSeq, idle ? 4 : 3);
    this.curG = WORKER_G;
  }

  markWorkerDone(): void {
    if (this.curG !== WORKER_G) return;
    this.room().ev1(Ev.GoBlock, this.tick(), 0);
    this.curG = 0;
  }

  /** A proportional-sweep loop may begin; emitted only if it sweeps something (sweptDone). */
  sweepBegin(): void {
    this.sweepTs = this.tick();
  }

  /** The loop begun by sweepBegin swept `swept` bytes of spans and freed `reclaimed` bytes. */
  sweepEnd(swept: number, reclaimed: number): void {
    const t0 = this.sweepTs;
    this.sweepTs = -1;
    if (t0 < 0 || swept === 0) return;
    const b = this.room();
    // The start is emitted late (Go too emits it lazily at the first span); t0 < the last ts is
    // impossible here: nothing else is emitted during a sweep loop.
    b.ev1(Ev.GCSweepStart, t0 > b.lastTs ? t0 : (this.ts = b.lastTs + 1), this.curStack());
    this.room().ev2(Ev.GCSweepDone, this.tick(), swept, reclaimed);
  }

  // ── user annotations (runtime/trace) ──

  /** Stack of g for a user event: runtime/trace's own frames dropped. */
  private userStack(g: number): number {
    return g === this.curG ? this.stackOf(g, false, true) : 0;
  }

  userTaskCreate(g: number, id: number, parent: number, name: string): void {
    const s = this.stringId(name);
    this.room().ev4(Ev.UserTaskCreate, this.tick(), id, parent, s, this.userStack(g));
  }

  userTaskEnd(g: number, id: number): void {
    this.room().ev2(Ev.UserTaskEnd, this.tick(), id, this.userStack(g));
  }

  userRegion(g: number, id: number, mode: number, name: string): void {
    const s = this.stringId(name);
    this.room().ev4(Ev.UserRegion, this.tick(), id, mode, s, this.userStack(g));
  }

  userLog(g: number, id: number, category: string, message: string): void {
    const k = this.stringId(category);
    const v = utf8Bytes(message, MAX_USER_STRING);
    const stk = this.userStack(g);
    const b = this.buf;
    b.room(MAX_EVENT_BYTES + v.length + 10);
    this.stats.events++;
    b.ev3(Ev.UserLog, this.tick(), id, k, stk);
    b.raw(v);
  }

  // ── stop ──

  /**
   * Ends the trace: the running G (if any) is shown yielding, the P stopping; buffers flushed;
   * then the Frequency record and the stack table. Hooks are removed first.
   */
  stop(): void {
    if (this.stopped) return;
    const sched = this.sched;
    if (sched.tracer === this) sched.tracer = null;
    if (sched.gc !== null && sched.gc.events !== null) sched.gc.events = this.prevEvents;
    this.unwrapSyscalls();
    // Every P shown running (one with one thread; each worker M's under the runtime server).
    const ids = [this.curP];
    for (let id = 0; id < this.saved.length; id++) if (this.saved[id] !== undefined && id !== this.curP) ids.push(id);
    for (const id of ids) {
      this.setP(id);
      if (this.curG === WORKER_G) this.markWorkerDone();
      if (this.curG !== 0) {
        this.room().ev1(Ev.GoSched, this.tick(), this.stackOf(this.curG, false, false));
        this.curG = 0;
      }
      if (this.pRun) this.room().ev0(Ev.ProcStop, this.tick());
      this.pRun = false;
      this.buf.finish();
    }
    this.sink(frequencyRecord(1_000_000_000));
    this.dumpStacks();
    this.stopped = true;
  }

  /** Writes the stack table (String records for names and files, then Stack records). */
  private dumpStacks(): void {
    const img = this.sched.image;
    const entries = img.entries;
    const b = new TraceBuf(0, this.sink, this.tick());
    const strId = (s: string): number => {
      let id = this.strings.get(s);
      if (id !== undefined) return id;
      id = this.strings.size + 1;
      this.strings.set(s, id);
      b.string(id, utf8Bytes(s, 1024));
      this.stats.strings++;
      return id;
    };
    const quad: number[] = [];
    for (let i = 0; i < this.stackFrames.length; i++) {
      const fr = this.stackFrames[i];
      quad.length = 0;
      for (let j = 0; j < fr.length; j += 2) {
        const fn = fr[j];
        const pc = fr[j + 1];
        if (fn === FN_GC_WORKER) {
          quad.push(0x1000, strId("runtime.gcBgMarkWorker"), strId(`${goroot()}/src/runtime/mgc.go`), 1201);
          continue;
        }
        const f = img.func(fn);
        let file: string;
        let line: number;
        let pcAddr: number;
        if (pc < 0) {
          file = img.img.files[f.file] ?? "?";
          line = f.line;
          pcAddr = entries[fn] * 4;
        } else {
          const fl = img.fileLine(fn, pc);
          file = fl.file;
          line = fl.line;
          pcAddr = pc * 4 - 1; // the call instruction (Go: return address − 1)
        }
        quad.push(pcAddr, strId(f.name), strId(file), line);
      }
      b.stack(i + 1, quad);
      this.stats.stacks++;
    }
    b.finish();
  }

  // ── runtime/trace's reader ──

  /** Copies queued trace bytes into linear memory [addr, addr+n); returns the count (0: none queued). */
  readInto(addr: number, n: number): number {
    const u8 = this.sched.mem.u8;
    let done = 0;
    while (done < n && this.queue.length > 0) {
      const c = this.queue[0];
      const k = Math.min(n - done, c.length - this.queueOff);
      u8.set(c.subarray(this.queueOff, this.queueOff + k), addr + done);
      done += k;
      this.queueOff += k;
      if (this.queueOff === c.length) {
        this.queue.shift();
        this.queueOff = 0;
      }
    }
    return done;
  }

  /** Scheduler hook: a parked reader with data to read is made runnable. */
  pollReader(): void {
    const g = this.readerG;
    if (g !== 0 && this.queue.length > 0) {
      this.readerG = 0;
      this.sched.goready(g);
    }
  }
}

/** GOROOT as gort's tracebacks name it (runtime frames' files). */
function goroot(): string {
  return process.env.GOROOT ?? "/usr/lib/go-1.19";
}

/** Forwards collector events to two sinks (the tracer and an earlier observer). */
function teeEvents(a: GCEventSink, b: GCEventSink): GCEventSink {
  return {
    gcStart: (c, f) => (a.gcStart(c, f), b.gcStart(c, f)),
    stwStart: (k) => (a.stwStart(k), b.stwStart(k)),
    stwDone: (k) => (a.stwDone(k), b.stwDone(k)),
    gcMarkDone: (c) => (a.gcMarkDone(c), b.gcMarkDone(c)),
    gcDone: (c, l, n) => (a.gcDone(c, l, n), b.gcDone(c, l, n)),
    sweepDone: (c) => (a.sweepDone(c), b.sweepDone(c)),
    heapAlloc: (x) => (a.heapAlloc?.(x), b.heapAlloc?.(x)),
    markAssistStart: () => (a.markAssistStart?.(), b.markAssistStart?.()),
    markAssistDone: () => (a.markAssistDone?.(), b.markAssistDone?.()),
    sweepBegin: () => (a.sweepBegin?.(), b.sweepBegin?.()),
    sweepEnd: (s, r) => (a.sweepEnd?.(s, r), b.sweepEnd?.(s, r)),
    markWorkerStart: (i) => (a.markWorkerStart?.(i), b.markWorkerStart?.(i)),
    markWorkerDone: () => (a.markWorkerDone?.(), b.markWorkerDone?.()),
  };
}

/**
 * Starts tracing scheduler `sched`: full buffers go to `sink` (null: queued for runtime/trace's
 * ReadTrace). Returns null when a trace is already running (Go: "tracing is already enabled").
 */
export function startTrace(sched: Sched, sink: TraceSink | null, opts: TraceOptions = {}): Tracer | null {
  if (sched.tracer !== null) return null;
  const t = new Tracer(sched, sink, opts);
  t.begin();
  sched.tracer = t;
  return t;
}

/** Buffer size, exported for tests. @internal */
export const TRACE_BUF_BYTES = BUF_BYTES;
